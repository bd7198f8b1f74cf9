import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { meetsPasswordPolicy } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { AuthError } from './auth-error';
import { PasswordRules } from './password-rules';
import styles from './auth.module.css';

const validEmail = (email: string) => /^\S+@\S+\.\S+$/.test(email.trim());

export function SignUpForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const { pending, error, run } = useAuthAction('signUp');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => session.preload(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      email: validEmail(email) ? undefined : 'Enter a valid email address.',
      password: meetsPasswordPolicy(password) ? undefined : 'Your password does not meet all the requirements below.',
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    const result = await run(() => session.signUp(email, password));
    if (!result) return;
    const e = encodeURIComponent(email.trim());
    if (result.confirmed) navigate(`/sign-in?email=${e}`, { state: { notice: 'Account created. Sign in to start writing.' } });
    else navigate(`/confirm?email=${e}`, { state: { notice: `We sent a confirmation code to ${email.trim()}.` } });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Create account">
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
        error={fieldErrors.email}
      />
      <TextField
        ref={passwordRef}
        label="Password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
        hint={<PasswordRules password={password} />}
      />
      <Button type="submit" variant="primary" size="lg" block loading={pending} loadingText="Creating account…" className={styles.submit}>
        Create account
      </Button>
    </form>
  );
}
