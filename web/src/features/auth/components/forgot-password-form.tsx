import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useAuthForm } from '../hooks/use-auth-form';
import { validEmail } from '../utils/form-validation';
import { AuthError } from './auth-error';
import { AuthSubmitButton } from './auth-submit-button';
import { EmailField } from './auth-fields';
import styles from './auth.module.css';

export function ForgotPasswordForm() {
  const navigate = useNavigate();
  const { email, setEmail, emailRef } = useAuthForm();
  const [emailError, setEmailError] = useState<string>();
  const { pending, error, run } = useAuthAction('forgotPassword');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validEmail(email)) {
      setEmailError('Enter your email address.');
      return emailRef.current?.focus();
    }
    setEmailError(undefined);
    const ok = await run(async () => {
      await session.forgotPassword(email);
      return true;
    });
    if (ok) {
      navigate(`/reset-password?email=${encodeURIComponent(email.trim())}`, {
        state: { notice: `If an account exists for ${email.trim()}, we sent it a reset code.` },
      });
    }
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Reset password">
      <AuthError error={error} email={email} />
      <EmailField ref={emailRef} autoFocus value={email} onChange={(e) => setEmail(e.target.value)} error={emailError} />
      <AuthSubmitButton pending={pending} loadingText="Sending code…">
        Send reset code
      </AuthSubmitButton>
    </form>
  );
}
