import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../components/error-boundary';
import { PageSpinner } from '../../components/page-spinner';
import { useRouteTitleAndFocus } from '../../lib/route-title-focus';

export function RootLayout() {
  const location = useLocation();
  useRouteTitleAndFocus();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<PageSpinner />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}
