import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ status: 0, code: 'CLIENT', title: 'Đã có lỗi xảy ra.' });

/** Loads data when the component mounts and whenever `key` changes; stale answers are ignored. */
export function useApi<T>(key: string, load: () => Promise<T>): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` fetches.
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    load()
      .then((value) => current && setData(value))
      .catch((e: unknown) => current && setError(asApiError(e)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}

export { asApiError };
