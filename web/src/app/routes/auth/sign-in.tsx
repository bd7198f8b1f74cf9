import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../../features/auth/components/auth-layout';
import { SignInForm } from '../../../features/auth/components/sign-in-form';

export default function SignInPage() {
  const [params] = useSearchParams();
  const email = params.get('email');
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to your notes."
      footer={
        <>
          New to Jotter? <Link to={`/sign-up${email ? `?email=${encodeURIComponent(email)}` : ''}`}>Create an account</Link>
        </>
      }
    >
      <SignInForm />
    </AuthCard>
  );
}
