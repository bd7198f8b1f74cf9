import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '../../components/page-spinner';
import { useSession } from '../../lib/auth/use-session';
import type { AuthLocationState } from '../../features/auth/hooks/use-auth-form';

/** Auth pages: signed-in users are sent on (to where they came from, or their notes). */
export function AuthLayout() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'signedIn') {
    const from = (location.state as AuthLocationState | null)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search ?? ''}${from.hash ?? ''}` : '/notes'} replace />;
  }
  return (
    <Suspense fallback={<PageSpinner />}>
      <Outlet />
    </Suspense>
  );
}
