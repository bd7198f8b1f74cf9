import { Link } from 'react-router';
import { AuthCard } from '../../../features/auth/components/auth-layout';
import { SignUpForm } from '../../../features/auth/components/sign-up-form';

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create your account"
      subtitle="A calm place for everything you write down."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
