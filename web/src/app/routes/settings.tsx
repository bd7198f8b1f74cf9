// Settings: the account's password (auth feature), its data in and out, and its deletion (account
// feature); composed here because features do not import each other.
import type { ReactNode } from 'react';
import { DeleteAccountSection } from '../../features/account/components/delete-account-section';
import { ExportSection } from '../../features/account/components/export-section';
import { ImportSection } from '../../features/account/components/import-section';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import styles from './page.module.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function SettingsPage() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title} tabIndex={-1}>
            Settings
          </h1>
          <p className={styles.subtitle}>Your password, your notes in and out, and your account.</p>
        </div>
      </header>
      <Section id="password-heading" title="Password">
        <ChangePasswordForm />
      </Section>
      <Section id="export-heading" title="Export">
        <ExportSection />
      </Section>
      <Section id="import-heading" title="Import">
        <ImportSection />
      </Section>
      <Section id="delete-heading" title="Delete account">
        <DeleteAccountSection />
      </Section>
    </div>
  );
}
