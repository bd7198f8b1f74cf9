import { useCallback, useRef, useState } from 'react';
import { describeAuthError, type AuthAction, type AuthErrorView } from '../../../lib/auth/auth-errors';

/** Pending flag + human error for one auth form submit. Double submits are ignored. */
export function useAuthAction(action: AuthAction) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AuthErrorView | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    async <T,>(fn: () => Promise<T>, onError?: (view: AuthErrorView, raw: unknown) => boolean | void): Promise<T | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        return await fn();
      } catch (raw) {
        const view = describeAuthError(raw, action);
        // onError may handle it (e.g. redirect) and return true to suppress the message.
        if (onError?.(view, raw) !== true) setError(view);
        return undefined;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [action],
  );

  return { pending, error, setError, run };
}
