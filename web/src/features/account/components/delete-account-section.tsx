import { useState, type FormEvent } from 'react';
import { deleteAccountPhrase } from '@jotter/shared/account';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { session } from '../../../lib/session';
import { accountApi } from '../api/account-api';
import styles from './account.module.css';

/** Deletes the account after the phrase is typed, then ends the session (to the sign-in page). */
export function DeleteAccountSection() {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const confirmed = typed.trim().toLowerCase() === deleteAccountPhrase;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return setError(`Type "${deleteAccountPhrase}" to confirm.`);
    setError(null);
    setPending(true);
    try {
      await accountApi.deleteAccount();
    } catch (e) {
      setPending(false);
      return setError((e as Error).message);
    }
    // The app takes a session that ends this way to the sign-in page, saying why.
    session.signOut('deleted');
  };

  return (
    <form className={styles.section} onSubmit={onSubmit} noValidate aria-label="Delete account">
      <p className={styles.lead}>
        Deletes every note, attachment, API key and public link, and the account itself. This cannot be undone; export your notes first if you want to keep them.
      </p>
      {error && (
        <Banner tone="danger" alert>
          {error}
        </Banner>
      )}
      <TextField label={`Type "${deleteAccountPhrase}" to confirm`} name="confirm-delete" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      <div className={styles.row}>
        <Button type="submit" variant="danger" loading={pending} loadingText="Deleting…" aria-disabled={!confirmed || undefined}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
