// Settings: the account's password (auth feature), its data in and out, and its deletion (account
// feature); composed here because features do not import each other.
import { DeleteAccountSection } from '../../features/account/components/delete-account-section';
import { ExportSection } from '../../features/account/components/export-section';
import { ImportSection } from '../../features/account/components/import-section';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { Page } from './page';
import styles from './page.module.css';

const sections = [
  { id: 'password-heading', title: 'Password', Content: ChangePasswordForm },
  { id: 'export-heading', title: 'Export', Content: ExportSection },
  { id: 'import-heading', title: 'Import', Content: ImportSection },
  { id: 'delete-heading', title: 'Delete account', Content: DeleteAccountSection },
];

export default function SettingsPage() {
  return (
    <Page title="Settings" subtitle="Your password, your notes in and out, and your account.">
      {sections.map(({ id, title, Content }) => (
        <section key={id} className={styles.section} aria-labelledby={id}>
          <h2 id={id} className={styles.sectionTitle}>
            {title}
          </h2>
          <Content />
        </section>
      ))}
    </Page>
  );
}
