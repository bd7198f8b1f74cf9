import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { session } from '../../../lib/session';
import { useAuthAction } from '../hooks/use-auth-action';
import { useAuthForm } from '../hooks/use-auth-form';
import { AuthError } from './auth-error';
import { AuthSubmitButton } from './auth-submit-button';
import { CodeField, EmailField } from './auth-fields';
import { LocalCodeNotice } from './local-code-notice';
import styles from './auth.module.css';

export function ConfirmForm() {
  const navigate = useNavigate();
  const { email, setEmail, emailRef, state } = useAuthForm();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const confirm = useAuthAction('confirm');
  const resend = useAuthAction('resendCode');
  const [resent, setResent] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return emailRef.current?.focus();
    if (!/^\s*\d{4,8}\s*$/.test(code)) {
      setCodeError('Enter the 6-digit code from the email.');
      return codeRef.current?.focus();
    }
    setCodeError(undefined);
    const ok = await confirm.run(async () => {
      await session.confirmSignUp(email, code);
      return true;
    });
    if (ok) {
      navigate(`/sign-in?email=${encodeURIComponent(email.trim())}`, {
        replace: true,
        state: { from: state.from, notice: 'Email confirmed. Sign in to start writing.' },
      });
    } else {
      codeRef.current?.select();
    }
  };

  const onResend = async () => {
    if (!email.trim()) return emailRef.current?.focus();
    setResent(false);
    const ok = await resend.run(async () => {
      await session.resendCode(email);
      return true;
    });
    if (ok) {
      setResent(true);
      codeRef.current?.focus();
    }
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Confirm email">
      <LocalCodeNotice what="confirmation code" />
      {state.notice && !confirm.error && !resent && <Banner tone="info">{state.notice}</Banner>}
      <AuthError error={confirm.error ?? resend.error} email={email} />
      {resent && <Banner tone="info">We sent a new code to {email.trim()}.</Banner>}
      <EmailField ref={emailRef} autoFocus={!email} value={email} onChange={(e) => setEmail(e.target.value)} />
      <CodeField ref={codeRef} label="Confirmation code" autoFocus={!!email} className={styles.codeField} value={code} onDigits={setCode} error={codeError} />
      <AuthSubmitButton pending={confirm.pending} loadingText="Confirming…">
        Confirm email
      </AuthSubmitButton>
      <div className={styles.row}>
        <span>Didn&apos;t get a code?</span>
        <Button variant="link" onClick={onResend} loading={resend.pending} loadingText="Sending…">
          Resend code
        </Button>
      </div>
    </form>
  );
}
