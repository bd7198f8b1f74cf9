import type { ReactNode } from 'react';
import { Button } from '../../../components/button';
import styles from './auth.module.css';

/** The full-width primary submit button at the bottom of an auth form. */
export function AuthSubmitButton({ pending, loadingText, children }: { pending: boolean; loadingText: string; children: ReactNode }) {
  return (
    <Button type="submit" variant="primary" size="lg" block loading={pending} loadingText={loadingText} className={styles.submit}>
      {children}
    </Button>
  );
}
