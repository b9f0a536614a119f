import { useCallback, useState } from 'react';

/** A dialog's submit: pending while it runs, and the error it failed with (cleared on retry). */
export interface PendingAction {
  pending: boolean;
  error: unknown;
  run: () => Promise<void>;
}

/**
 * Runs `action` and tracks it for a dialog. On success the dialog is expected to close, so
 * `pending` stays set; on failure the error is kept and the button works again.
 */
export function usePendingAction(action: () => Promise<void>): PendingAction {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async () => {
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }, [action]);
  return { pending, error, run };
}
