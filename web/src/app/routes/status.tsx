import { config } from '../../config';
import { HealthPanel } from '../../features/health/components/health-panel';
import heading from '../../components/page-heading.module.css';
import styles from './page.module.css';

export default function StatusPage() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={heading.title}>System status</h1>
        <p className={heading.subtitle}>Live health of the services Jotter depends on.</p>
      </header>
      <HealthPanel apiUrl={config.apiUrl} />
    </div>
  );
}
