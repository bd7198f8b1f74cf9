import { Button } from './button';
import { Dialog } from './dialog';
import styles from './keyboard-shortcuts.module.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

const shortcuts: [keys: string[], what: string][] = [
  [['n'], 'New note'],
  [['/'], 'Search all notes'],
  [['↑/↓'], 'Move through search results (Enter opens one)'],
  [[mod, 'S'], 'Save now'],
  [[mod, 'E'], 'Switch between writing and preview'],
  [['Enter'], 'From the title to the text'],
  [['Esc'], 'Clear the filter, close a dialog'],
  [['?'], 'Show these shortcuts'],
];

/** The `?` dialog (its own chunk: loaded the first time it opens). */
export default function KeyboardShortcuts({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open title="Keyboard shortcuts" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <dl className={styles.list}>
        {shortcuts.map(([keys, what]) => (
          <div key={what} className={styles.row}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' + '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
