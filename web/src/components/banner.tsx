import type { ReactNode } from 'react';
import styles from './banner.module.css';
import { AlertIcon, InfoIcon } from './icons';

export interface BannerProps {
  tone?: 'info' | 'warning' | 'danger';
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** role="alert" announces it at once; use for errors the user must act on. */
  alert?: boolean;
}

export function Banner({ tone = 'info', title, children, actions, alert = false }: BannerProps) {
  return (
    <div className={[styles.banner, styles[tone]].join(' ')} role={alert ? 'alert' : 'status'}>
      <span className={styles.icon}>{tone === 'info' ? <InfoIcon /> : <AlertIcon />}</span>
      <div className={styles.text}>
        {title && <div className={styles.title}>{title}</div>}
        {children && <div className={styles.body}>{children}</div>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
