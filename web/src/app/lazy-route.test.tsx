import { render, screen } from '@testing-library/react';
import { Suspense, useEffect } from 'react';
import { lazyRoute, type LazyRoute } from './lazy-route';

let mounts = 0;
function Page() {
  useEffect(() => {
    mounts++;
  }, []);
  return <p>the page</p>;
}

const inSuspense = (Route: LazyRoute) => (
  <Suspense fallback={<p>loading</p>}>
    <Route />
  </Suspense>
);

beforeEach(() => {
  mounts = 0;
});

it('renders a preloaded page in the first render, without the fallback', async () => {
  const Route = lazyRoute(() => Promise.resolve(Page));
  await Route.preload();
  render(inSuspense(Route));
  expect(screen.getByText('the page')).toBeInTheDocument();
  expect(screen.queryByText('loading')).toBeNull();
});

it('a page rendered through the lazy path stays mounted when its route renders again', async () => {
  const Route = lazyRoute(() => Promise.resolve(Page));
  const { rerender } = render(inSuspense(Route));
  await screen.findByText('the page');
  rerender(inSuspense(Route));
  expect(screen.getByText('the page')).toBeInTheDocument();
  expect(mounts).toBe(1);
});

it('lets a failed load be retried', async () => {
  let attempts = 0;
  const Route = lazyRoute(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Page)));
  await expect(Route.preload()).rejects.toThrow('offline');
  await Route.preload();
  expect(attempts).toBe(2);
});
