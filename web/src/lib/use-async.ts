import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { status: 'loading'; data?: undefined; error?: undefined } | { status: 'success'; data: T; error?: undefined } | { status: 'error'; data?: undefined; error: Error };

/** Runs `load` on mount and whenever `deps` change; `retry` runs it again. Aborts stale runs. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ status: 'success', data }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry, setData: (data: T) => setState({ status: 'success', data }) } as AsyncState<T> & { retry: () => void; setData: (data: T) => void };
}
