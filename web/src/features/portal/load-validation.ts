/**
 * The portal's form schemas, fetched once on first use (see validation.ts). Forms start the download when the
 * citizen first focuses a field (`warmValidation`), and wait for it only if they submit before it arrived.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../../lib/api.ts';
import { asApiError } from '../../lib/use-api.ts';

export type Validation = typeof import('./validation.ts');

let loaded: Validation | undefined;

const loadValidation = async (): Promise<Validation> => {
  loaded ??= await import('./validation.ts');
  return loaded;
};

/** Starts the download while the citizen types, so that pressing "Gửi" does not wait for it. */
export const warmValidation = (): void => {
  loadValidation().catch(() => {
    // Offline for now: the submit's own `validationOr` reports it (and retries the download).
  });
};

/**
 * The schemas, or undefined when they cannot be downloaded (offline): then `report` gets the error to show where
 * the form shows the server's errors, and the submit stops there with nothing lost.
 */
export async function validationOr(report: (error: ApiError) => void): Promise<Validation | undefined> {
  try {
    return await loadValidation();
  } catch (error) {
    report(asApiError(error));
    return undefined;
  }
}

/** For forms that re-check on every keystroke once submitted: the schemas when loaded, and how to load them. */
export function useValidation(
  report: (error: ApiError) => void,
): [Validation | undefined, () => Promise<Validation | undefined>] {
  const [validation, setValidation] = useState(loaded);
  const load = useCallback(async () => {
    const v = await validationOr(report);
    if (v) setValidation(v);
    return v;
  }, [report]);
  return [validation, load];
}
