import { render } from '@testing-library/react';
import { FALLBACK_SELECTOR } from '../../../bench/src/lib/web';
import { PageSpinner } from './page-spinner';

// The first-paint e2e test and the web benchmark look for the route fallback with this selector:
// it must find the real one, or "no spinner ever appeared" would hold trivially.
it('the route fallback matches the selector the first-paint checks use', () => {
  const { container } = render(<PageSpinner />);
  expect(container.querySelector(FALLBACK_SELECTOR)).not.toBeNull();
});
