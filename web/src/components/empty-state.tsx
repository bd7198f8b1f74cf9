import type { ReactNode } from 'react';
import { Button } from './button';
import { AlertIcon } from './icons';
import styles from './empty-state.module.css';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  /** Use role="alert" (for load errors). */
  alert?: boolean;
}

export function EmptyState({ icon, title, description, action, tone = 'neutral', alert }: EmptyStateProps) {
  return (
    <div className={[styles.empty, tone === 'danger' ? styles.danger : ''].join(' ')} role={alert ? 'alert' : undefined}>
      {icon && <div className={styles.icon}>{icon}</div>}
      <p className={styles.title}>{title}</p>
      {description && <p className={styles.description}>{description}</p>}
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}

/** A read that failed: what could not be loaded, the reason, and a way to try again. */
export function LoadFailed({ title, error, onRetry }: { title: string; error: Error | null | undefined; onRetry: () => void }) {
  return <EmptyState alert tone="danger" icon={<AlertIcon />} title={title} description={error?.message} action={<Button onClick={onRetry}>Try again</Button>} />;
}
