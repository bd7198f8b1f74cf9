import type { Note } from '@jotter/shared/notes';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { AlertIcon, PlusIcon, SearchIcon } from '../../../components/icons';
import { SkeletonList } from '../../../components/skeleton';
import { excerpt, formatRelative } from '../../../lib/format';
import { useHotkey } from '../../../lib/use-hotkey';
import { useNotes } from '../stores/notes-store';
import { UNTITLED } from '../utils/autosave-controller';
import styles from './notes.module.css';

export function filterNotes(notes: Note[], query: string): Note[] {
  const q = query.trim().toLowerCase();
  if (!q) return notes;
  return notes.filter((n) => n.title.toLowerCase().includes(q) || n.content.toLowerCase().includes(q));
}

export function NoteList({ activeId }: { activeId: string | undefined }) {
  const store = useNotes();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => filterNotes(store.items, query), [store.items, query]);

  useHotkey('/', () => {
    filterRef.current?.focus();
    filterRef.current?.select();
  });

  // Infinite scroll: load the next page when the end of the list comes into view.
  const { nextCursor, loadingMore, loadMoreError, loadMore } = store;
  useEffect(() => {
    const el = sentinelRef.current;
    if (!el || !nextCursor || loadingMore || loadMoreError || query || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [nextCursor, loadingMore, loadMoreError, query, loadMore]);

  return (
    <div className={styles.listPane}>
      <div className={styles.listToolbar}>
        <div className={styles.search}>
          <SearchIcon className={styles.searchIcon} />
          <label htmlFor="note-filter" className="visually-hidden">
            Filter notes
          </label>
          <input
            ref={filterRef}
            id="note-filter"
            type="search"
            placeholder="Filter notes"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setQuery('');
                e.currentTarget.blur();
              }
            }}
            className={styles.searchInput}
          />
          {!query && <kbd className={styles.searchKbd}>/</kbd>}
        </div>
        <Button variant="primary" size="md" icon={<PlusIcon />} onClick={() => navigate('/notes/new')} aria-keyshortcuts="n" title="New note (n)">
          New
        </Button>
      </div>

      {store.status === 'loading' && <SkeletonList rows={7} label="Loading notes…" />}

      {store.status === 'error' && (
        <EmptyState
          alert
          tone="danger"
          icon={<AlertIcon />}
          title="Couldn't load your notes"
          description={store.error?.message}
          action={<Button onClick={store.reload}>Try again</Button>}
        />
      )}

      {store.status === 'ready' && store.items.length === 0 && (
        <p className={styles.listEmpty}>
          No notes yet — press <kbd>n</kbd> to write one.
        </p>
      )}

      {store.status === 'ready' && store.items.length > 0 && (
        <>
          {query && (
            <p className={styles.filterInfo} role="status">
              {visible.length === 0 ? `No loaded notes match “${query.trim()}”.` : `${visible.length} of ${store.items.length} loaded notes`}
            </p>
          )}
          <ul className={styles.list} aria-label="Notes">
            {visible.map((note) => (
              <li key={note.noteId}>
                <NavLink to={`/notes/${note.noteId}`} className={[styles.item, note.noteId === activeId ? styles.itemActive : ''].join(' ')} aria-current={note.noteId === activeId ? 'page' : undefined}>
                  <span className={styles.itemTitle}>{note.title.trim() || UNTITLED}</span>
                  <span className={styles.itemExcerpt}>{excerpt(note.content) || <em>No content</em>}</span>
                  <time className={styles.itemTime} dateTime={note.updatedAt}>
                    {formatRelative(note.updatedAt)}
                  </time>
                </NavLink>
              </li>
            ))}
          </ul>
          {store.nextCursor && (
            <div ref={sentinelRef} className={styles.loadMore}>
              {store.loadMoreError && (
                <p role="alert" className={styles.loadMoreError}>
                  Couldn't load more notes.
                </p>
              )}
              <Button variant="ghost" size="sm" onClick={store.loadMore} loading={store.loadingMore} loadingText="Loading…">
                {store.loadMoreError ? 'Try again' : 'Load more'}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
