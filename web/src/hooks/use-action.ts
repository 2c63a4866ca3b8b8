/**
 * Runs a change (approve, save, fill…) and keeps its state for the button and the error
 * banner: a button stays disabled while its request is in flight, so a double click cannot
 * send it twice.
 */
import { useCallback, useState } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from './to-api-error';

/** What {@link useAction} answers. */
export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: ApiError | null;
  clear: () => void;
}

/** Wraps `fn`; `run` answers true when it succeeded. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await fn(...args);
        return true;
      } catch (e) {
        setError(toApiError(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, clear };
}
