import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Banner } from '../../../components/banner';
import { TextField } from '../../../components/text-field';
import { errorCode } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useAuthForm } from '../hooks/use-auth-form';
import { useFieldErrors } from '../hooks/use-field-errors';
import { validEmail } from '../utils/form-validation';
import { AuthError } from './auth-error';
import { AuthSubmitButton } from './auth-submit-button';
import { EmailField, ForgotPasswordLink } from './auth-fields';
import styles from './auth.module.css';

export function SignInForm() {
  const navigate = useNavigate();
  const { email, setEmail, emailRef, state } = useAuthForm();
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const { fieldErrors, check } = useFieldErrors({ email: emailRef, password: passwordRef });
  const { pending, error, run } = useAuthAction('signIn');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      email: validEmail(email) ? undefined : 'Enter your email address.',
      password: password ? undefined : 'Enter your password.',
    });
    if (!valid) return;

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
      <EmailField ref={emailRef} autoFocus={!email} value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
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
        labelAside={<ForgotPasswordLink email={email}>Forgot password?</ForgotPasswordLink>}
      />
      <AuthSubmitButton pending={pending} loadingText="Signing in…">
        Sign in
      </AuthSubmitButton>
    </form>
  );
}
