import { useSyncExternalStore } from 'react';
import type { LiveSync } from './live-sync';
import styles from './live-indicator.module.css';

const labels = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

/** A small dot and word: whether changes from other devices arrive right now. */
export function LiveIndicator({ sync }: { sync: LiveSync }) {
  const { status } = useSyncExternalStore(sync.subscribe, sync.getState);
  if (status === 'off') return null;
  return (
    <p className={styles.indicator} role="status" data-status={status} title={status === 'live' ? 'Changes from your other devices appear here as they happen' : 'Changes from your other devices will appear once reconnected'}>
      <span className={styles.dot} aria-hidden="true" />
      {labels[status]}
    </p>
  );
}
