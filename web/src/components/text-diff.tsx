import { diffLines } from 'diff';
import { useMemo } from 'react';
import styles from './text-diff.module.css';

export interface TextDiffProps {
  /** Names the table for assistive technology. */
  caption: string;
  before: { label: string; text: string };
  after: { label: string; text: string };
}

type Cell = { text: string; change: 'removed' | 'added' | 'same' } | null;

/**
 * Lines of the two texts side by side: a changed run of lines on the left faces its replacement on
 * the right. Changes are marked with a sign and a visually hidden word, not only a color.
 */
export function sideBySide(before: string, after: string): [Cell, Cell][] {
  const rows: [Cell, Cell][] = [];
  const lines = (value: string) => value.replace(/\n$/, '').split('\n');
  const parts = diffLines(before, after);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const line of lines(part.value)) rows.push([{ text: line, change: 'same' }, { text: line, change: 'same' }]);
      continue;
    }
    const removed = part.removed ? lines(part.value) : [];
    const next = parts[i + 1];
    const added = part.added ? lines(part.value) : next?.added ? (i++, lines(next.value)) : [];
    for (let row = 0; row < Math.max(removed.length, added.length); row++) {
      rows.push([removed[row] !== undefined ? { text: removed[row]!, change: 'removed' } : null, added[row] !== undefined ? { text: added[row]!, change: 'added' } : null]);
    }
  }
  return rows;
}

function DiffCell({ cell }: { cell: Cell }) {
  if (!cell) return <td className={styles.empty} />;
  const mark = cell.change === 'removed' ? '−' : cell.change === 'added' ? '+' : '';
  return (
    <td className={styles[cell.change]}>
      {mark && (
        <>
          <span aria-hidden="true" className={styles.mark}>
            {mark}
          </span>
          <span className="visually-hidden">{cell.change === 'removed' ? 'Removed: ' : 'Added: '}</span>
        </>
      )}
      {cell.text || ' '}
    </td>
  );
}

/** A side-by-side line diff (the `diff` library). Lazy-load it: the library is only needed here. */
export default function TextDiff({ caption, before, after }: TextDiffProps) {
  const rows = useMemo(() => sideBySide(before.text, after.text), [before.text, after.text]);
  const changed = rows.some(([left, right]) => left?.change !== 'same' || right?.change !== 'same');
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{before.label}</th>
            <th scope="col">{after.label}</th>
          </tr>
        </thead>
        <tbody>
          {changed ? (
            rows.map(([left, right], index) => (
              <tr key={index}>
                <DiffCell cell={left} />
                <DiffCell cell={right} />
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={2} className={styles.same}>
                The texts are the same.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
