import { useEffect, useRef } from 'react';

/** Calls `callback` every `delayMs` while `delayMs` is a number; `undefined` pauses it. */
export function useInterval(callback: () => void, delayMs: number | undefined) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (delayMs === undefined) {
      return undefined;
    }
    const timer = setInterval(() => latest.current(), delayMs);
    return () => clearInterval(timer);
  }, [delayMs]);
}
