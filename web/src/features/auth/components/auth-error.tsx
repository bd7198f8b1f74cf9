import { Link } from 'react-router';
import { Banner } from '../../../components/banner';
import type { AuthErrorView } from '../../../lib/auth/auth-errors';
import { passwordRules } from '../../../lib/auth/auth-errors';

const q = (email: string) => (email ? `?email=${encodeURIComponent(email)}` : '');

/** The form-level error, announced (role="alert"), with the next step as a link. */
export function AuthError({ error, email = '' }: { error: AuthErrorView | null; email?: string }) {
  if (!error) return null;
  const next =
    error.next === 'sign-in' ? (
      <Link to={`/sign-in${q(email)}`}>Sign in</Link>
    ) : error.next === 'forgot-password' ? (
      <Link to={`/forgot-password${q(email)}`}>Reset your password</Link>
    ) : error.next === 'sign-up' ? (
      <Link to={`/sign-up${q(email)}`}>Create an account</Link>
    ) : error.next === 'confirm' ? (
      <Link to={`/confirm${q(email)}`}>Enter your code</Link>
    ) : null;
  return (
    <Banner tone="danger" alert>
      <div>{error.message}</div>
      {error.showPasswordRules && (
        <ul>
          {passwordRules.map((r) => (
            <li key={r.id}>{r.label}</li>
          ))}
        </ul>
      )}
      {next && <div style={{ marginTop: 'var(--space-1)' }}>{next}</div>}
    </Banner>
  );
}
