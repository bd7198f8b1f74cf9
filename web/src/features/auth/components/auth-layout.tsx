import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Logo } from '../../../components/icons';
import styles from './auth.module.css';

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className={styles.page}>
      <Link to="/" className={styles.brand} aria-label="Jotter home">
        <Logo />
        <span>Jotter</span>
      </Link>
      <main className={styles.card}>
        <header className={styles.header}>
          <h1 className={styles.title}>{title}</h1>
          {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
        </header>
        {children}
      </main>
      {footer && <div className={styles.footer}>{footer}</div>}
    </div>
  );
}
