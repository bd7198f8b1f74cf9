import { useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { meetsPasswordPolicy } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useFieldErrors } from '../hooks/use-field-errors';
import { AuthError } from './auth-error';
import { NewPasswordField } from './auth-fields';
import styles from './auth.module.css';

/** Settings: the signed-in user changes their password (current one required). */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [proposed, setProposed] = useState('');
  const [done, setDone] = useState(false);
  const { pending, error, run } = useAuthAction('changePassword');
  const currentRef = useRef<HTMLInputElement>(null);
  const proposedRef = useRef<HTMLInputElement>(null);
  const { fieldErrors, check } = useFieldErrors({ current: currentRef, proposed: proposedRef });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const valid = check({
      current: current ? undefined : 'Enter your current password.',
      proposed: meetsPasswordPolicy(proposed) ? undefined : 'Your new password does not meet all the requirements below.',
    });
    if (!valid) return;
    const ok = await run(async () => {
      await session.changePassword(current, proposed);
      return true;
    });
    if (ok) {
      setCurrent('');
      setProposed('');
      setDone(true);
    }
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Change password">
      {done && <Banner tone="info">Password changed.</Banner>}
      <AuthError error={error} />
      <TextField ref={currentRef} type="password" label="Current password" name="current-password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={fieldErrors.current} />
      <NewPasswordField ref={proposedRef} label="New password" value={proposed} onChange={(e) => setProposed(e.target.value)} error={fieldErrors.proposed} />
      <div>
        <Button type="submit" variant="primary" loading={pending} loadingText="Changing…">
          Change password
        </Button>
      </div>
    </form>
  );
}
