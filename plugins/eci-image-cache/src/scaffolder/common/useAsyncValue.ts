import { useEffect, useState } from 'react';

/** The state of a value loaded once per key. */
export interface AsyncValue<T> {
  value?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Loads a value whenever `key` changes; no `load` means nothing to load. Answers for an older key
 * are dropped.
 */
export function useAsyncValue<T>(
  key: string,
  load: (() => Promise<T>) | undefined,
): AsyncValue<T> {
  const [result, setResult] = useState<AsyncValue<T> & { key?: string }>({
    loading: load !== undefined,
  });
  const wanted = load !== undefined;
  useEffect(() => {
    if (!load) {
      setResult({ loading: false, key });
      return undefined;
    }
    let active = true;
    setResult({ loading: true, key });
    load().then(
      value => active && setResult({ value, loading: false, key }),
      error => active && setResult({ error, loading: false, key }),
    );
    return () => {
      active = false;
    };
    // `load` is a new function on every render; `key` says when the answer changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, wanted]);
  if (result.key !== key) {
    return { loading: wanted };
  }
  return { value: result.value, error: result.error, loading: result.loading };
}
