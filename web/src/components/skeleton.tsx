import type { CSSProperties } from 'react';
import styles from './skeleton.module.css';

export function Skeleton({ width = '100%', height = 12, style }: { width?: number | string; height?: number | string; style?: CSSProperties }) {
  return <span className={styles.skeleton} style={{ width, height, ...style }} aria-hidden />;
}

/** A block of placeholder rows; announces "Loading…" to screen readers once. */
export function SkeletonList({ rows = 6, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <div className={styles.list} role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.row}>
          <Skeleton width={`${55 + ((i * 17) % 35)}%`} height={13} />
          <Skeleton width={`${70 + ((i * 11) % 25)}%`} height={11} />
          <Skeleton width={64} height={10} />
        </div>
      ))}
    </div>
  );
}
