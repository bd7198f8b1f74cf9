import type { Note, NoteSort } from '@jotter/shared/notes';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { LoadMore } from '../../../components/load-more';
import { LoadFailed } from '../../../components/empty-state';
import { LinkIcon, PinIcon, PlusIcon, SearchIcon } from '../../../components/icons';
import { SkeletonList } from '../../../components/skeleton';
import { excerpt, formatRelative } from '../../../lib/format';
import { useNotes } from '../stores/notes-store';
import { UNTITLED } from '@jotter/shared/note-limits';
import styles from './notes.module.css';

export function filterNotes(notes: Note[], query: string): Note[] {
  const q = query.trim().toLowerCase();
  if (!q) return notes;
  return notes.filter((n) => n.title.toLowerCase().includes(q) || n.content.toLowerCase().includes(q));
}

const sortLabels: Record<NoteSort, string> = { updated: 'Last edited', created: 'Created', title: 'Title' };

export function NoteList({ activeId }: { activeId: string | undefined }) {
  const store = useNotes();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const sentinelRef = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => filterNotes(store.items, query), [store.items, query]);

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
        </div>
        <Button variant="primary" size="md" icon={<PlusIcon />} onClick={() => navigate('/notes/new')} aria-keyshortcuts="n" title="New note (n)">
          New
        </Button>
      </div>
      <div className={styles.listView}>
        <label className={styles.viewField}>
          <span>Sort</span>
          <select aria-label="Sort notes" value={store.view.sort} onChange={(e) => store.setView({ sort: e.target.value as NoteSort })}>
            {(Object.keys(sortLabels) as NoteSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.viewField}>
          <span>Tag</span>
          <select aria-label="Filter by tag" value={store.view.tag ?? ''} onChange={(e) => store.setView({ tag: e.target.value || null })}>
            <option value="">All notes</option>
            {store.view.tag && !store.tags.some((t) => t.tag === store.view.tag) && <option value={store.view.tag}>{store.view.tag}</option>}
            {store.tags.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count})
              </option>
            ))}
          </select>
        </label>
      </div>

      {store.status === 'loading' && <SkeletonList rows={7} label="Loading notes…" />}

      {store.status === 'error' && (
        <LoadFailed title="Couldn't load your notes" error={store.error} onRetry={store.reload} />
      )}

      {store.status === 'ready' && store.items.length === 0 && store.view.tag === null && (
        <p className={styles.listEmpty}>
          No notes yet — press <kbd>n</kbd> to write one.
        </p>
      )}
      {store.status === 'ready' && store.items.length === 0 && store.view.tag !== null && (
        <p className={styles.listEmpty}>
          No notes tagged “{store.view.tag}”.{' '}
          <button type="button" className={styles.linkButton} onClick={() => store.setView({ tag: null })}>
            Show all notes
          </button>
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
                  <span className={styles.itemTitle}>
                    {note.pinned && <PinIcon className={styles.pinned} aria-hidden={false} aria-label="Pinned" role="img" width={13} height={13} />}
                    {note.shared && <LinkIcon className={styles.pinned} aria-hidden={false} aria-label="Shared by link" role="img" width={13} height={13} />}
                    {note.title.trim() || UNTITLED}
                  </span>
                  <span className={styles.itemExcerpt}>{excerpt(note.content) || <em>No content</em>}</span>
                  {note.tags.length > 0 && <span className={styles.itemTags}>{note.tags.map((tag) => `#${tag}`).join(' ')}</span>}
                  <time className={styles.itemTime} dateTime={note.updatedAt}>
                    {formatRelative(note.updatedAt)}
                  </time>
                </NavLink>
              </li>
            ))}
          </ul>
          <LoadMore list={store} what="notes" sentinelRef={sentinelRef} />
        </>
      )}
    </div>
  );
}
