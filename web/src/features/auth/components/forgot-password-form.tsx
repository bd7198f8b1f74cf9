import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { AuthError } from './auth-error';
import styles from './auth.module.css';

export function ForgotPasswordForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [emailError, setEmailError] = useState<string>();
  const { pending, error, run } = useAuthAction('forgotPassword');
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => session.preload(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
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
      <TextField
        ref={emailRef}
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={emailError}
      />
      <Button type="submit" variant="primary" size="lg" block loading={pending} loadingText="Sending code…" className={styles.submit}>
        Send reset code
      </Button>
    </form>
  );
}
