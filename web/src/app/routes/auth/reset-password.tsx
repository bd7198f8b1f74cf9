import { Link } from 'react-router';
import { AuthCard } from '../../../features/auth/components/auth-layout';
import { ResetPasswordForm } from '../../../features/auth/components/reset-password-form';

export default function ResetPasswordPage() {
  return (
    <AuthCard
      title="Choose a new password"
      subtitle="Enter the code from the email and your new password."
      footer={
        <>
          <Link to="/sign-in">Back to sign in</Link>
        </>
      }
    >
      <ResetPasswordForm />
    </AuthCard>
  );
}
