import { Link } from 'react-router';
import { useAsync } from '../../../lib/use-async';
import { getHealth } from '../api/get-health';
import styles from './health.module.css';

/** A small dot + label in the footer, linking to the status page. */
export function HealthIndicator({ compact = false }: { compact?: boolean }) {
  const health = useAsync((signal) => getHealth(signal), []);
  const tone = health.status === 'loading' ? 'pending' : health.status === 'success' && health.data.status === 'ok' ? 'ok' : 'down';
  const label = tone === 'pending' ? 'Checking API…' : tone === 'ok' ? 'All systems normal' : 'API unreachable';
  return (
    <Link to="/status" className={[styles.indicator, compact ? styles.compact : ''].join(' ')} data-tone={tone} aria-label={`API status: ${label}`}>
      <span className={styles.dot} aria-hidden />
      <span>{label}</span>
    </Link>
  );
}
