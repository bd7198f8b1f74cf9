import type { SearchHit } from '@jotter/shared/search';
import { searchLimits } from '@jotter/shared/search';
import { useEffect, useState } from 'react';
import { searchApi } from '../api/search-api';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string; items: SearchHit[] }
  | { status: 'ready'; query: string; items: SearchHit[] }
  | { status: 'error'; query: string; message: string };

/** Milliseconds of quiet typing before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * Results as you type: a search starts once typing pauses, and a newer query cancels the request
 * of the older one (its answer could arrive last and show stale results). While the next answer
 * is on its way, the previous results stay on screen.
 */
export function useSearch(input: string): SearchState {
  const query = input.trim().slice(0, searchLimits.queryMax);
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (!query) {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => ({ status: 'loading', query, items: previous.status === 'ready' || previous.status === 'loading' ? previous.items : [] }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchApi.search(query, controller.signal).then(
        (results) => setState({ status: 'ready', query, items: results.items }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ status: 'error', query, message: (error as Error).message });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return state;
}
