/**
 * Cognito errors → sentences a person can act on. Pure: no React, no library import, so it is
 * unit-tested and shared by every auth form.
 */

export const passwordRules = [
  { id: 'length', label: 'At least 10 characters', test: (p: string) => p.length >= 10 },
  { id: 'upper', label: 'An uppercase letter', test: (p: string) => /[A-Z]/.test(p) },
  { id: 'lower', label: 'A lowercase letter', test: (p: string) => /[a-z]/.test(p) },
  { id: 'number', label: 'A number', test: (p: string) => /[0-9]/.test(p) },
] as const;

export const passwordPolicyText = 'at least 10 characters with an uppercase letter, a lowercase letter and a number';

export const meetsPasswordPolicy = (password: string) => passwordRules.every((rule) => rule.test(password));

export type AuthAction = 'signIn' | 'signUp' | 'confirm' | 'resendCode' | 'forgotPassword' | 'resetPassword' | 'changePassword';

export interface AuthErrorView {
  message: string;
  /** A next step the form can offer as a link or redirect. */
  next?: 'sign-in' | 'confirm' | 'forgot-password' | 'sign-up';
  /** Show the password rules next to the message. */
  showPasswordRules?: boolean;
}

export const errorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  if (typeof name === 'string' && name !== 'Error') return name;
  return undefined;
};

const tooMany = 'Too many attempts. Please wait a few minutes and try again.';

export function describeAuthError(error: unknown, action: AuthAction): AuthErrorView {
  const code = errorCode(error);
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';

  switch (code) {
    case 'UsernameExistsException':
      return { message: 'An account with this email already exists. Sign in instead, or reset your password if you forgot it.', next: 'sign-in' };
    case 'NotAuthorizedException':
      if (action === 'confirm' || action === 'resendCode') {
        // Cognito says NotAuthorized when the user is already confirmed.
        if (/CONFIRMED/i.test(raw) || /already confirmed/i.test(raw)) return { message: 'This account is already confirmed. You can sign in.', next: 'sign-in' };
      }
      if (/disabled/i.test(raw)) return { message: 'This account is disabled. Contact support if you think this is a mistake.' };
      if (/attempts exceeded/i.test(raw)) return { message: tooMany };
      if (action === 'signIn') return { message: 'Wrong email or password. Check both and try again.', next: 'forgot-password' };
      if (action === 'changePassword') return { message: 'Your current password is not right. Check it and try again.' };
      return { message: 'That did not work. Please sign in again.', next: 'sign-in' };
    case 'UserNotFoundException':
      if (action === 'signIn') return { message: 'Wrong email or password. Check both and try again.', next: 'forgot-password' };
      return { message: 'We could not find an account with that email.', next: 'sign-up' };
    case 'InvalidPasswordException':
      return { message: `That password is too weak. Use ${passwordPolicyText}.`, showPasswordRules: true };
    case 'UserNotConfirmedException':
      return { message: 'Please confirm your email first. Enter the code we sent you.', next: 'confirm' };
    case 'CodeMismatchException':
      return { message: 'That code is not right. Check it and try again.' };
    case 'ExpiredCodeException':
      return { message: 'That code has expired. Request a new code and try again.' };
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return { message: tooMany };
    case 'CodeDeliveryFailureException':
      return { message: 'We could not send the code. Check the email address and try again.' };
    case 'InvalidParameterException':
      if (/password/i.test(raw)) return { message: `That password is not allowed. Use ${passwordPolicyText}.`, showPasswordRules: true };
      if (/email/i.test(raw) || /username/i.test(raw)) return { message: 'Please enter a valid email address.' };
      if (/no registered\/verified email/i.test(raw)) return { message: 'This account has no verified email, so we cannot send a code.' };
      return { message: 'Some of the details are not valid. Check them and try again.' };
    case 'PasswordResetRequiredException':
      return { message: 'You need to set a new password before signing in.', next: 'forgot-password' };
    case 'UnsupportedChallenge':
      return { message: raw || 'This account needs a sign-in step Jotter does not support yet.' };
    case 'NetworkError':
      return { message: "Can't reach the sign-in service. Check your connection and try again." };
    default:
      if (/network|failed to fetch|load failed/i.test(raw)) return { message: "Can't reach the sign-in service. Check your connection and try again." };
      return { message: 'Something went wrong. Please try again.' };
  }
}
