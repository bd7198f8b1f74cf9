import { lazy, Suspense } from 'react';
import { SkeletonList } from '../../components/skeleton';
import { ApiKeys } from './components/api-keys';
import heading from '../../components/page-heading.module.css';
import styles from './components/developer.module.css';

// The reference (and its rendering code) is its own chunk, fetched only on this page.
const ApiReference = lazy(() => import('./components/api-reference'));

export default function DeveloperPage() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={heading.title}>Developer</h1>
        <p className={heading.subtitle}>API keys for your own programs, and the reference of the Jotter API.</p>
      </header>
      <ApiKeys />
      <section className={styles.section} aria-labelledby="reference-heading">
        <h2 id="reference-heading" className={styles.sectionTitle}>
          API reference
        </h2>
        <Suspense fallback={<SkeletonList rows={4} label="Loading the API reference…" />}>
          <ApiReference />
        </Suspense>
      </section>
    </div>
  );
}
