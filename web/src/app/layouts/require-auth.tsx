import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../lib/auth/use-session';

/** Signed-out users go to /sign-in, which sends them back here afterwards. */
export function RequireAuth() {
  const state = useSession();
  const location = useLocation();
  if (state.status !== 'signedIn') {
    if (state.reason === 'user') return <Navigate to="/sign-in" replace state={{ notice: 'You signed out. See you soon.' }} />;
    if (state.reason === 'deleted') return <Navigate to="/sign-in" replace state={{ notice: 'Your account and all its notes were deleted.' }} />;
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{
          from: { pathname: location.pathname, search: location.search, hash: location.hash },
          ...(state.reason === 'expired' ? { notice: 'Your session ended. Sign in again to continue.' } : {}),
        }}
      />
    );
  }
  return <Outlet />;
}
