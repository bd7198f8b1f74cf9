import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { meetsPasswordPolicy } from '../../../lib/auth/auth-errors';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useAuthForm } from '../hooks/use-auth-form';
import { useFieldErrors } from '../hooks/use-field-errors';
import { validEmail } from '../utils/form-validation';
import { AuthError } from './auth-error';
import { AuthSubmitButton } from './auth-submit-button';
import { EmailField, NewPasswordField } from './auth-fields';
import styles from './auth.module.css';

export function SignUpForm() {
  const navigate = useNavigate();
  const { email, setEmail, emailRef } = useAuthForm();
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  const { fieldErrors, check } = useFieldErrors({ email: emailRef, password: passwordRef });
  const { pending, error, run } = useAuthAction('signUp');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      email: validEmail(email) ? undefined : 'Enter a valid email address.',
      password: meetsPasswordPolicy(password) ? undefined : 'Your password does not meet all the requirements below.',
    });
    if (!valid) return;

    const result = await run(() => session.signUp(email, password));
    if (!result) return;
    const e = encodeURIComponent(email.trim());
    if (result.confirmed) navigate(`/sign-in?email=${e}`, { state: { notice: 'Account created. Sign in to start writing.' } });
    else navigate(`/confirm?email=${e}`, { state: { notice: `We sent a confirmation code to ${email.trim()}.` } });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Create account">
      <AuthError error={error} email={email} />
      <EmailField ref={emailRef} autoFocus value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} />
      <NewPasswordField ref={passwordRef} label="Password" value={password} onChange={(e) => setPassword(e.target.value)} error={fieldErrors.password} />
      <AuthSubmitButton pending={pending} loadingText="Creating account…">
        Create account
      </AuthSubmitButton>
    </form>
  );
}
