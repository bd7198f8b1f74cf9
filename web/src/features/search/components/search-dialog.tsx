import type { SearchHit } from '@jotter/shared/search';
import { searchLimits } from '@jotter/shared/search';
import { useEffect, useId, useMemo, useState } from 'react';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { AlertIcon, PinIcon, SearchIcon } from '../../../components/icons';
import { Spinner } from '../../../components/spinner';
import { formatRelative } from '../../../lib/format';
import { useSearch } from '../hooks/use-search';
import { snippetParts } from '../utils/snippet';
import styles from './search.module.css';

function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className={styles.snippet}>
      {snippetParts(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

/**
 * Search over all the user's notes (its own chunk: loaded the first time it opens). A combobox:
 * typing searches, ↑/↓ move through the results, Enter opens one, Esc closes.
 */
export default function SearchDialog({ onOpenNote, onClose }: { onOpenNote: (noteId: string) => void; onClose: () => void }) {
  const [input, setInput] = useState('');
  const [active, setActive] = useState(0);
  const state = useSearch(input);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const items: SearchHit[] = useMemo(() => (state.status === 'ready' || state.status === 'loading' ? state.items : []), [state]);

  // New results: the best match is the one Enter opens.
  useEffect(() => setActive(0), [items]);

  const open = (hit: SearchHit | undefined) => hit && onOpenNote(hit.noteId);

  let status = '';
  if (state.status === 'loading' && items.length === 0) status = 'Searching…';
  else if (state.status === 'ready') status = items.length === 0 ? `No notes match “${state.query}”.` : `${items.length === 20 ? 'Top 20' : items.length} ${items.length === 1 ? 'note' : 'notes'} found`;

  return (
    <Dialog open size="lg" title="Search notes" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <div className={styles.field}>
        <SearchIcon className={styles.icon} aria-hidden />
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-label="Search all notes"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
          placeholder="Words, “a phrase”, tag:name"
          autoComplete="off"
          spellCheck={false}
          maxLength={searchLimits.queryMax}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (items.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              open(items[active]);
            }
          }}
          className={styles.input}
        />
        {state.status === 'loading' && items.length > 0 && <Spinner size={14} label="Searching…" />}
      </div>
      <p className={styles.status} role="status">
        {status}
      </p>
      {state.status === 'idle' && <p className={styles.hint}>Searches every note: titles, text, tags and file names. The last word may be unfinished.</p>}
      {state.status === 'error' && (
        <p className={styles.error} role="alert">
          <AlertIcon aria-hidden /> Couldn&apos;t search: {state.message}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Matching notes" className={styles.results} hidden={items.length === 0}>
        {items.map((hit, i) => (
          <li
            key={hit.noteId}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={[styles.result, i === active ? styles.active : ''].join(' ')}
            onMouseMove={() => setActive(i)}
            onClick={() => open(hit)}
          >
            <span className={styles.title}>
              {hit.pinned && <PinIcon className={styles.pin} aria-label="Pinned" role="img" width={12} height={12} />}
              {hit.title}
            </span>
            <Snippet snippet={hit.snippet} />
            <span className={styles.meta}>
              {formatRelative(hit.updatedAt)}
              {hit.tags.length > 0 && ` · ${hit.tags.join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
