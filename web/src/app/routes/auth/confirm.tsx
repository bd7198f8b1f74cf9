import { Link } from 'react-router';
import { AuthCard } from '../../../features/auth/components/auth-layout';
import { ConfirmForm } from '../../../features/auth/components/confirm-form';

export default function ConfirmPage() {
  return (
    <AuthCard
      title="Check your email"
      subtitle="Enter the code we sent to confirm your address."
      footer={
        <>
          Wrong address? <Link to="/sign-up">Start over</Link>
        </>
      }
    >
      <ConfirmForm />
    </AuthCard>
  );
}
