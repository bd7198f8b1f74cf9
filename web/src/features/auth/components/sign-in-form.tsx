import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { errorCode } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { AuthError } from './auth-error';
import styles from './auth.module.css';

export interface AuthLocationState {
  from?: { pathname: string; search?: string; hash?: string };
  notice?: string;
}

const validEmail = (email: string) => /^\S+@\S+\.\S+$/.test(email.trim());

export function SignInForm() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const state = (location.state ?? {}) as AuthLocationState;
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const { pending, error, run } = useAuthAction('signIn');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => session.preload(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      email: validEmail(email) ? undefined : 'Enter your email address.',
      password: password ? undefined : 'Enter your password.',
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    // On success the session turns signed-in and AuthLayout sends the user on (to `from`).
    await run(
      () => session.signIn(email, password),
      (_view, raw) => {
        if (errorCode(raw) === 'UserNotConfirmedException') {
          navigate(`/confirm?email=${encodeURIComponent(email.trim())}`, {
            state: { ...state, notice: 'Your email is not confirmed yet. Enter the code we sent you.' },
          });
          return true;
        }
        passwordRef.current?.select();
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Sign in">
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
        ref={passwordRef}
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        autoFocus={!!email}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
        labelAside={
          <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`} className={styles.small}>
            Forgot password?
          </Link>
        }
      />
      <Button type="submit" variant="primary" size="lg" block loading={pending} loadingText="Signing in…" className={styles.submit}>
        Sign in
      </Button>
    </form>
  );
}
