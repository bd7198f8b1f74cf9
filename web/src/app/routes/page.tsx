import type { ReactNode } from 'react';
import heading from '../../components/page-heading.module.css';
import styles from './page.module.css';

/** A page of the app with its heading (focusable, so navigation can move focus to it) and a line under it. */
export function Page({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={heading.title} tabIndex={-1}>
            {title}
          </h1>
          <p className={heading.subtitle}>{subtitle}</p>
        </div>
      </header>
      {children}
    </div>
  );
}
