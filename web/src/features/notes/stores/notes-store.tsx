import { titleSortKey, type Note, type NoteSort, type TagList } from '@jotter/shared/notes';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { notesApi, type ListView } from '../api/notes-api';

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
  view: ListView;
  setView(view: Partial<ListView>): void;
  /** The user's tags with counts (GET /tags), for the filter and the tag editor. */
  tags: TagList['items'];
  reloadTags(): void;
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

/** The server's list order (pinned first, then the sort), for notes changed here. */
export function compareNotes(sort: NoteSort): (a: Note, b: Note) => number {
  const within =
    sort === 'title'
      ? (a: Note, b: Note) => (titleSortKey(a.title) < titleSortKey(b.title) ? -1 : titleSortKey(a.title) > titleSortKey(b.title) ? 1 : 0)
      : sort === 'created'
        ? (a: Note, b: Note) => b.createdAt.localeCompare(a.createdAt)
        : (a: Note, b: Note) => b.updatedAt.localeCompare(a.updatedAt);
  return (a, b) => Number(b.pinned) - Number(a.pinned) || within(a, b);
}

const SORT_KEY = 'jotter.sort';
const savedSort = (): NoteSort => {
  try {
    const value = window.localStorage.getItem(SORT_KEY);
    return value === 'created' || value === 'title' ? value : 'updated';
  } catch {
    return 'updated';
  }
};

export function NotesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<NotesState>({ status: 'loading', items: [], nextCursor: null, error: null, loadingMore: false, loadMoreError: null });
  const [attempt, setAttempt] = useState(0);
  const loadingMore = useRef(false);
  const [view, setViewState] = useState<ListView>(() => ({ sort: savedSort(), tag: null }));
  const viewRef = useRef(view);
  viewRef.current = view;
  const [tags, setTags] = useState<TagList['items']>([]);
  const [tagsAttempt, setTagsAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    notesApi.tags(controller.signal).then(
      (list) => setTags(list.items),
      () => undefined, // suggestions and the filter just stay as they were
    );
    return () => controller.abort();
  }, [tagsAttempt]);
  const reloadTags = useCallback(() => setTagsAttempt((n) => n + 1), []);

  const setView = useCallback((patch: Partial<ListView>) => {
    setViewState((v) => {
      const next = { ...v, ...patch };
      if (next.sort !== v.sort) {
        try {
          window.localStorage.setItem(SORT_KEY, next.sort);
        } catch {
          /* not remembered */
        }
      }
      return next.sort === v.sort && next.tag === v.tag ? v : next;
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: null }));
    loadingMore.current = false;
    notesApi.list(view, null, controller.signal).then(
      (page) => setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, error: null, loadingMore: false, loadMoreError: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error: error as Error }));
      },
    );
    return () => controller.abort();
  }, [attempt, view]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const stateRef = useRef(state);
  stateRef.current = state;

  const loadMore = useCallback(() => {
    const cursor = stateRef.current.nextCursor;
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    setState((s) => ({ ...s, loadingMore: true, loadMoreError: null }));
    notesApi.list(viewRef.current, cursor).then(
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
    const { sort, tag } = viewRef.current;
    const belongs = tag === null || note.tags.includes(tag);
    setState((s) => ({ ...s, items: [...(belongs ? [note] : []), ...s.items.filter((n) => n.noteId !== note.noteId)].sort(compareNotes(sort)) }));
  }, []);

  const remove = useCallback((noteId: string) => {
    setState((s) => ({ ...s, items: s.items.filter((n) => n.noteId !== noteId) }));
  }, []);

  const value = useMemo<NotesStore>(
    () => ({ ...state, view, setView, tags, reloadTags, reload, loadMore, upsert, remove }),
    [state, view, setView, tags, reloadTags, reload, loadMore, upsert, remove],
  );
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}
