import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedListState<T> {
  status: 'loading' | 'ready' | 'error';
  /** Kept while the first page loads again, so a reload does not blank what is shown. */
  items: T[];
  nextCursor: string | null;
  error: Error | null;
  loadingMore: boolean;
  loadMoreError: Error | null;
}

export interface PagedList<T> extends PagedListState<T> {
  /** Reads the first page again. */
  reload(): void;
  /** Reads the next page and appends what is not held yet; does nothing while a page is loading. */
  loadMore(): Promise<void>;
  /** Changes the held items (a note saved, restored or deleted here). */
  update(change: (items: T[]) => T[]): void;
}

/**
 * A list read a page at a time (the notes list, the trash). The first page is read on mount,
 * whenever `deps` change and on reload(); a page that arrives after that is dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>,
  idOf: (item: T) => string,
  deps: readonly unknown[],
): PagedList<T> {
  const [state, setState] = useState<PagedListState<T>>({ status: 'loading', items: [], nextCursor: null, error: null, loadingMore: false, loadMoreError: null });
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const idRef = useRef(idOf);
  idRef.current = idOf;
  const stateRef = useRef(state);
  stateRef.current = state;
  // Which first-page read the held items come from; a later page of an earlier read is stale.
  const generation = useRef(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    const current = ++generation.current;
    loadingMore.current = false;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    fetchRef.current(null, controller.signal).then(
      (page) => current === generation.current && setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, error: null, loadingMore: false, loadMoreError: null }),
      (error: unknown) => !controller.signal.aborted && setState((s) => ({ ...s, status: 'error', error: error as Error })),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const loadMore = useCallback(async () => {
    const cursor = stateRef.current.nextCursor;
    if (!cursor || loadingMore.current) return;
    const current = generation.current;
    loadingMore.current = true;
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }));
    try {
      const page = await fetchRef.current(cursor);
      if (current !== generation.current) return;
      setState((s) => {
        const held = new Set(s.items.map(idRef.current));
        return { ...s, items: [...s.items, ...page.items.filter((item) => !held.has(idRef.current(item)))], nextCursor: page.nextCursor, loadingMore: false, loadMoreError: null };
      });
    } catch (error) {
      if (current === generation.current) setState((s) => ({ ...s, loadingMore: false, loadMoreError: error as Error }));
    } finally {
      if (current === generation.current) loadingMore.current = false;
    }
  }, []);

  const update = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), []);

  return { ...state, reload, loadMore, update };
}
