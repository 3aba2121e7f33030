/**
 * The portal's form schemas, fetched once on first use (see validation.ts). Forms start the download when the
 * citizen first focuses a field (`warmValidation`), and wait for it only if they submit before it arrived.
 */
import { useCallback, useState } from 'react';

export type Validation = typeof import('./validation.ts');

let loaded: Validation | undefined;

export const loadValidation = async (): Promise<Validation> => {
  loaded ??= await import('./validation.ts');
  return loaded;
};

/** Starts the download while the citizen types, so that pressing "Gửi" does not wait for it. */
export const warmValidation = (): void => {
  loadValidation().catch(() => {
    // Offline for now: the submit's own `loadValidation()` reports it (and retries the download).
  });
};

/** For forms that re-check on every keystroke once submitted: the schemas when loaded, and how to load them. */
export function useValidation(): [Validation | undefined, () => Promise<Validation>] {
  const [validation, setValidation] = useState(loaded);
  const load = useCallback(async () => {
    const v = await loadValidation();
    setValidation(v);
    return v;
  }, []);
  return [validation, load];
}
