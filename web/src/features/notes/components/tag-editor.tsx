import { noteLimits } from '@jotter/shared/note-limits';
import { tagSchema } from '@jotter/shared/notes';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { CloseIcon } from '../../../components/icons';
import styles from './tag-editor.module.css';

export interface TagEditorProps {
  tags: string[];
  /** All the user's tags with counts, for suggestions (GET /tags). */
  known: { tag: string; count: number }[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}

/** What a typed tag becomes: lower-case, trimmed, inner spaces collapsed. */
export const normalizeTag = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Tags as removable chips plus a combobox that suggests the user's existing tags (most used
 * first). Enter or comma adds; Backspace in the empty field removes the last tag.
 */
export function TagEditor({ tags, known, onChange, disabled }: TagEditorProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const errorId = useId();
  const typed = normalizeTag(text);
  const suggestions = useMemo(
    () =>
      typed === ''
        ? []
        : known
            .filter((k) => k.tag.includes(typed) && !tags.includes(k.tag))
            .sort((a, b) => Number(b.tag.startsWith(typed)) - Number(a.tag.startsWith(typed)) || b.count - a.count)
            .slice(0, 6),
    [known, tags, typed],
  );

  const add = (value: string) => {
    const tag = normalizeTag(value);
    if (tag === '') return;
    if (tags.includes(tag)) {
      setText('');
      return;
    }
    if (tags.length >= noteLimits.tagsMax) {
      setError(`A note can have at most ${noteLimits.tagsMax} tags.`);
      return;
    }
    const checked = tagSchema.safeParse(tag);
    if (!checked.success) {
      setError(`“${tag}”: a tag ${checked.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    setError(null);
    setText('');
    setActive(-1);
    onChange([...tags, tag]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && suggestions.length > 0) {
      e.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length > 0) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(active >= 0 && suggestions[active] ? suggestions[active].tag : text);
    } else if (e.key === 'Escape' && text !== '') {
      e.stopPropagation();
      setText('');
      setActive(-1);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className={styles.tags}>
      <ul className={styles.chips} aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className={styles.chip}>
            <span>{tag}</span>
            <button type="button" className={styles.remove} aria-label={`Remove tag ${tag}`} disabled={disabled} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              <CloseIcon width={12} height={12} />
            </button>
          </li>
        ))}
      </ul>
      <div className={styles.field}>
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          Add a tag
        </label>
        <input
          id={`${listId}-input`}
          className={styles.input}
          placeholder={tags.length === 0 ? 'Add tags…' : 'Add a tag'}
          autoComplete="off"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          maxLength={noteLimits.tagMax + 10}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(-1)}
        />
        {suggestions.length > 0 && (
          <ul id={listId} role="listbox" aria-label="Suggested tags" className={styles.suggestions}>
            {suggestions.map((s, i) => (
              <li
                key={s.tag}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={styles.suggestion}
                // mousedown, not click: it fires before the input's blur hides the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(s.tag);
                }}
              >
                {s.tag} <span className={styles.count}>{s.count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
