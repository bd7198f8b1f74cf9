import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TextField, type TextFieldProps } from '../../../components/text-field';
import { PasswordRules } from './password-rules';
import styles from './auth.module.css';

/** The email input of the auth forms: labelled "Email", with the browser's email keyboard and autofill. */
export function EmailField(props: Omit<TextFieldProps, 'label' | 'type' | 'name'>) {
  return <TextField label="Email" type="email" name="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...props} />;
}

/** A password to be set (autofill may suggest one), with the pool's password policy as a live checklist under it. */
export function NewPasswordField({ value, ...props }: Omit<TextFieldProps, 'type' | 'name' | 'hint' | 'value'> & { value: string }) {
  return <TextField type="password" name="new-password" autoComplete="new-password" value={value} hint={<PasswordRules password={value} />} {...props} />;
}

/** An emailed one-time code: digits only (anything else typed is dropped), with the numeric keyboard and autofill. */
export function CodeField({ onDigits, ...props }: Omit<TextFieldProps, 'type' | 'name' | 'onChange'> & { onDigits: (code: string) => void }) {
  return <TextField name="code" autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]*" maxLength={8} onChange={(e) => onDigits(e.target.value.replace(/\D/g, ''))} {...props} />;
}

/** The way to (another) reset code, carrying the email typed so far. */
export function ForgotPasswordLink({ email, children }: { email: string; children: ReactNode }) {
  return (
    <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`} className={styles.small}>
      {children}
    </Link>
  );
}
