import { TextField, type TextFieldProps } from '../../../components/text-field';
import { PasswordRules } from './password-rules';

/** The email input of the auth forms: labelled "Email", with the browser's email keyboard and autofill. */
export function EmailField(props: Omit<TextFieldProps, 'label' | 'type' | 'name'>) {
  return <TextField label="Email" type="email" name="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...props} />;
}

/** A password to be set (autofill may suggest one), with the pool's password policy as a live checklist under it. */
export function NewPasswordField({ value, ...props }: Omit<TextFieldProps, 'type' | 'name' | 'hint' | 'value'> & { value: string }) {
  return <TextField type="password" name="new-password" autoComplete="new-password" value={value} hint={<PasswordRules password={value} />} {...props} />;
}
