import { CheckIcon } from '../../../components/icons';
import { Spinner } from '../../../components/spinner';
import type { SaveStatus } from '../utils/autosave-controller';
import styles from './notes.module.css';

export function SaveStatusIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <div className={styles.saveStatus} role="status" data-status={status}>
      {(status === 'pending' || status === 'saving') && (
        <>
          <Spinner size={12} /> Saving…
        </>
      )}
      {status === 'saved' && (
        <>
          <CheckIcon width={14} height={14} /> Saved
        </>
      )}
      {status === 'offline' && <span className={styles.offline}>Offline — changes are kept on this device</span>}
      {status === 'error' && (
        <button type="button" className={styles.retry} onClick={onRetry}>
          Couldn't save — retry
        </button>
      )}
      {status === 'conflict' && <span className={styles.notSaved}>Not saved</span>}
    </div>
  );
}
