import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { config } from '../../../config';
import { meetsPasswordPolicy } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { AuthError } from './auth-error';
import { PasswordRules } from './password-rules';
import type { AuthLocationState } from './sign-in-form';
import styles from './auth.module.css';

export function ResetPasswordForm() {
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as AuthLocationState;
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; code?: string; password?: string }>({});
  const { pending, error, run } = useAuthAction('resetPassword');
  const emailRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => session.preload(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : 'Enter your email address.',
      code: /^\d{4,8}$/.test(code.trim()) ? undefined : 'Enter the code from the email.',
      password: meetsPasswordPolicy(password) ? undefined : 'Your new password does not meet all the requirements below.',
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.code) return codeRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    const ok = await run(async () => {
      await session.resetPassword(email, code, password);
      return true;
    });
    if (ok) {
      navigate(`/sign-in?email=${encodeURIComponent(email.trim())}`, {
        replace: true,
        state: { notice: 'Password changed. Sign in with your new password.' },
      });
    }
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Set a new password">
      {config.localStack && (
        <Banner tone="info" title="Running locally">
          The reset code is printed in the dev log (the <code>[cognito]</code> lines of <code>pnpm dev</code>).
        </Banner>
      )}
      {state.notice && !error && <Banner tone="info">{state.notice}</Banner>}
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
        autoFocus={!email}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
      />
      <TextField
        ref={codeRef}
        label="Reset code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={8}
        autoFocus={!!email}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        error={fieldErrors.code}
        labelAside={
          <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`} className={styles.small}>
            Send a new code
          </Link>
        }
      />
      <TextField
        ref={passwordRef}
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
        hint={<PasswordRules password={password} />}
      />
      <Button type="submit" variant="primary" size="lg" block loading={pending} loadingText="Saving…" className={styles.submit}>
        Set new password
      </Button>
    </form>
  );
}
