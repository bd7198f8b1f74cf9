import { Button } from '../../../components/button';
import { Skeleton } from '../../../components/skeleton';
import { isApiError } from '../../../lib/api-client';
import { useAsync } from '../../../lib/use-async';
import { getHealth } from '../api/get-health';
import styles from './health.module.css';

export function HealthPanel({ apiUrl }: { apiUrl: string }) {
  const health = useAsync(async (signal) => {
    const started = performance.now();
    const body = await getHealth(signal);
    return { body, ms: Math.round(performance.now() - started), at: new Date() };
  }, []);

  return (
    <section className={styles.panel} aria-labelledby="api-status-title" aria-busy={health.status === 'loading'}>
      <div className={styles.panelHeader}>
        <h2 id="api-status-title" className={styles.panelTitle}>
          REST API
        </h2>
        <Button size="sm" onClick={health.retry} loading={health.status === 'loading'} loadingText="Checking…">
          Check again
        </Button>
      </div>
      {health.status === 'loading' && (
        <div role="status" aria-label="Checking the API…" className={styles.rows}>
          <Skeleton width={180} height={14} />
          <Skeleton width={260} height={12} />
        </div>
      )}
      {health.status === 'success' && (
        <div className={styles.rows} role="status">
          <p className={styles.state} data-tone={health.data.body.status === 'ok' ? 'ok' : 'down'}>
            <span className={styles.dot} aria-hidden /> {health.data.body.status === 'ok' ? 'Operational' : `Unexpected answer: ${JSON.stringify(health.data.body)}`}
          </p>
          <p className={styles.meta}>
            Answered in {health.data.ms} ms at {health.data.at.toLocaleTimeString()}
          </p>
        </div>
      )}
      {health.status === 'error' && (
        <div className={styles.rows} role="alert">
          <p className={styles.state} data-tone="down">
            <span className={styles.dot} aria-hidden /> Unreachable
          </p>
          <p className={styles.meta}>{isApiError(health.error) ? health.error.message : 'The API did not answer.'}</p>
        </div>
      )}
      <dl className={styles.details}>
        <dt>Endpoint</dt>
        <dd>
          <code>{apiUrl}/health</code>
        </dd>
      </dl>
    </section>
  );
}
