import type { Note } from '@jotter/shared/notes';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { notesApi } from '../api/notes-api';

/**
 * The loaded notes list, shared by the list pane and the editor (a save moves the note to the
 * top, a delete removes it) so the two never disagree.
 */
export interface NotesState {
  status: 'loading' | 'ready' | 'error';
  items: Note[];
  nextCursor: string | null;
  error: Error | null;
  loadingMore: boolean;
  loadMoreError: Error | null;
}

interface NotesStore extends NotesState {
  reload(): void;
  loadMore(): void;
  upsert(note: Note): void;
  remove(noteId: string): void;
}

const NotesContext = createContext<NotesStore | null>(null);

export function useNotes(): NotesStore {
  const store = useContext(NotesContext);
  if (!store) throw new Error('useNotes must be used inside <NotesProvider>');
  return store;
}

const byUpdatedDesc = (a: Note, b: Note) => b.updatedAt.localeCompare(a.updatedAt);

export function NotesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<NotesState>({ status: 'loading', items: [], nextCursor: null, error: null, loadingMore: false, loadMoreError: null });
  const [attempt, setAttempt] = useState(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: null }));
    notesApi.list(null, controller.signal).then(
      (page) => setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, error: null, loadingMore: false, loadMoreError: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error: error as Error }));
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const stateRef = useRef(state);
  stateRef.current = state;

  const loadMore = useCallback(() => {
    const cursor = stateRef.current.nextCursor;
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }));
    notesApi.list(cursor).then(
        (page) => {
          loadingMore.current = false;
          setState((cur) => {
            const seen = new Set(cur.items.map((n) => n.noteId));
            return { ...cur, items: [...cur.items, ...page.items.filter((n) => !seen.has(n.noteId))], nextCursor: page.nextCursor, loadingMore: false, loadMoreError: null };
          });
        },
        (error: unknown) => {
          loadingMore.current = false;
          setState((cur) => ({ ...cur, loadingMore: false, loadMoreError: error as Error }));
        },
      );
  }, []);

  const upsert = useCallback((note: Note) => {
    setState((s) => ({ ...s, items: [note, ...s.items.filter((n) => n.noteId !== note.noteId)].sort(byUpdatedDesc) }));
  }, []);

  const remove = useCallback((noteId: string) => {
    setState((s) => ({ ...s, items: s.items.filter((n) => n.noteId !== noteId) }));
  }, []);

  const value = useMemo<NotesStore>(() => ({ ...state, reload, loadMore, upsert, remove }), [state, reload, loadMore, upsert, remove]);
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}
