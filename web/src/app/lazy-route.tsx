import { lazy, useState, type ComponentType } from 'react';

/** A route page loaded on demand, whose module can also be loaded ahead of its first render. */
export type LazyRoute = ComponentType & { preload: () => Promise<void> };

/**
 * Like React.lazy, but once `preload()` has resolved the page renders synchronously: React.lazy
 * always suspends on its first render (its promise settles a tick later), and React 19 then keeps
 * the Suspense fallback on screen for at least 300 ms. The first route is preloaded before the
 * first render (main.tsx), so a visitor never sees a spinner; later navigations may.
 */
export function lazyRoute(load: () => Promise<ComponentType>): LazyRoute {
  let page: ComponentType | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        page = component;
      },
      (error: unknown) => {
        // A failed chunk (offline, or a deploy replaced it) may be retried by the next navigation.
        loading = undefined;
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then(() => ({ default: page! })));
  function Route() {
    // Chosen once per mount: switching from the lazy wrapper to the loaded page on a later render
    // would be a different component type, and React would remount the page (losing its state).
    const [Page] = useState(() => page ?? Suspending);
    return <Page />;
  }
  return Object.assign(Route, { preload });
}
