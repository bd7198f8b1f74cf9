import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const APP_NAME = 'Jotter';

/** `<page> · Jotter` in the tab, the history menu and what a screen reader announces. */
export const setDocumentTitle = (page: string) => {
  document.title = `${page} · ${APP_NAME}`;
};

// A note's page is named by the editor after the note's own title, a shared note's page after
// the shared note's (null here).
const titles: [RegExp, string | null][] = [
  [/^\/sign-in\/?$/, 'Sign in'],
  [/^\/sign-up\/?$/, 'Create your account'],
  [/^\/confirm\/?$/, 'Confirm your email'],
  [/^\/forgot-password\/?$/, 'Forgot password'],
  [/^\/reset-password\/?$/, 'Choose a new password'],
  [/^\/notes\/?$/, 'Notes'],
  [/^\/notes\/new\/?$/, 'New note'],
  [/^\/notes\/[^/]+\/?$/, null],
  [/^\/notes\/[^/]+\/history\/?$/, 'History'],
  [/^\/s\/[^/]+\/?$/, null],
  [/^\/trash\/?$/, 'Trash'],
  [/^\/developer\/?$/, 'Developer'],
  [/^\/status\/?$/, 'System status'],
  [/^\/?$/, 'Notes'],
];
export const titleForPath = (pathname: string): string | null => {
  const match = titles.find(([pattern]) => pattern.test(pathname));
  return match ? match[1] : 'Page not found';
};

/**
 * Moves focus to the new page after a navigation, like a full page load would reset it: to
 * whatever the page focused itself (the editor does) or a region outside it marked
 * `data-keeps-focus` did (the toasts: Undo after a delete), else its first heading. Waits for lazy
 * routes to render (up to 3 s). Returns a cancel function.
 */
export function focusPageWhenReady(): () => void {
  const tryFocus = () => {
    const scope = document.querySelector('main') ?? document.body;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && (scope.contains(active) || active.closest('[data-keeps-focus]'))) return true;
    const heading = scope.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), 3000);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/** A title per route, and focus moved to the new page on every navigation but the first load. */
export function useRouteTitleAndFocus() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const firstLoad = useRef(true);

  // In the commit that shows the page (not an effect later): the tab never names the page before.
  useLayoutEffect(() => {
    const title = titleForPath(pathname);
    if (title) setDocumentTitle(title);
  }, [pathname]);

  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    // Replacements are the app correcting its own URL (a new note got its id): the user is typing.
    if (navigationType === 'REPLACE') return;
    // Leaving a focused element that the old page took with it: focus falls to <body>.
    if (document.activeElement && !document.activeElement.isConnected) (document.activeElement as HTMLElement).blur();
    return focusPageWhenReady();
  }, [pathname, navigationType]);
}
