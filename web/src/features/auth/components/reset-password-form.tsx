import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Banner } from '../../../components/banner';
import { meetsPasswordPolicy } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useAuthForm } from '../hooks/use-auth-form';
import { useFieldErrors } from '../hooks/use-field-errors';
import { validEmail } from '../utils/form-validation';
import { AuthError } from './auth-error';
import { AuthSubmitButton } from './auth-submit-button';
import { CodeField, EmailField, ForgotPasswordLink, NewPasswordField } from './auth-fields';
import { LocalCodeNotice } from './local-code-notice';
import styles from './auth.module.css';

export function ResetPasswordForm() {
  const navigate = useNavigate();
  const { email, setEmail, emailRef, state } = useAuthForm();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { fieldErrors, check } = useFieldErrors({ email: emailRef, code: codeRef, password: passwordRef });
  const { pending, error, run } = useAuthAction('resetPassword');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      email: validEmail(email) ? undefined : 'Enter your email address.',
      code: /^\d{4,8}$/.test(code.trim()) ? undefined : 'Enter the code from the email.',
      password: meetsPasswordPolicy(password) ? undefined : 'Your new password does not meet all the requirements below.',
    });
    if (!valid) return;
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
      <LocalCodeNotice what="reset code" />
      {state.notice && !error && <Banner tone="info">{state.notice}</Banner>}
      <AuthError error={error} email={email} />
      <EmailField ref={emailRef} autoFocus={!email} value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
      <CodeField ref={codeRef} label="Reset code" autoFocus={!!email} value={code} onDigits={setCode} error={fieldErrors.code} labelAside={<ForgotPasswordLink email={email}>Send a new code</ForgotPasswordLink>} />
      <NewPasswordField ref={passwordRef} label="New password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldErrors.password} />
      <AuthSubmitButton pending={pending} loadingText="Saving…">
        Set new password
      </AuthSubmitButton>
    </form>
  );
}
