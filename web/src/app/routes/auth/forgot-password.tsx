import { Link } from 'react-router';
import { AuthCard } from '../../../features/auth/components/auth-layout';
import { ForgotPasswordForm } from '../../../features/auth/components/forgot-password-form';

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      subtitle="We'll email you a code to set a new one."
      footer={
        <>
          Remembered it? <Link to="/sign-in">Back to sign in</Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
