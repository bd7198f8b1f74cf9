import { titleSortKey, type Note, type NoteSort, type TagList } from '@jotter/shared/notes';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { usePagedList, type PagedListState } from '../../../lib/use-paged-list';
import { notesApi, type ListView } from '../api/notes-api';

/**
 * The loaded notes list, shared by the list pane and the editor (a save moves the note to the
 * top, a delete removes it) so the two never disagree.
 */
export type NotesState = PagedListState<Note>;

interface NotesStore extends NotesState {
  view: ListView;
  setView(view: Partial<ListView>): void;
  /** The user's tags with counts (GET /tags), for the filter and the tag editor. */
  tags: TagList['items'];
  reloadTags(): void;
  reload(): void;
  loadMore(): Promise<void>;
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

const noteIdOf = (note: Note) => note.noteId;

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
  const [view, setViewState] = useState<ListView>(() => ({ sort: savedSort(), tag: null }));
  const viewRef = useRef(view);
  viewRef.current = view;
  const list = usePagedList((cursor, signal) => notesApi.list(viewRef.current, cursor, signal), noteIdOf, [view]);
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

  const { update } = list;
  const upsert = useCallback(
    (note: Note) => {
      const { sort, tag } = viewRef.current;
      const belongs = tag === null || note.tags.includes(tag);
      update((items) => [...(belongs ? [note] : []), ...items.filter((n) => n.noteId !== note.noteId)].sort(compareNotes(sort)));
    },
    [update],
  );

  const remove = useCallback((noteId: string) => update((items) => items.filter((n) => n.noteId !== noteId)), [update]);

  const { status, items, nextCursor, error, loadingMore, loadMoreError, reload, loadMore } = list;
  const value = useMemo<NotesStore>(
    () => ({ status, items, nextCursor, error, loadingMore, loadMoreError, reload, loadMore, view, setView, tags, reloadTags, upsert, remove }),
    [status, items, nextCursor, error, loadingMore, loadMoreError, reload, loadMore, view, setView, tags, reloadTags, upsert, remove],
  );
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}
