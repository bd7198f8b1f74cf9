import { isValidElement } from 'react';
import { createRoutesFromElements, matchRoutes, Navigate, Route, useRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './layouts/app-layout';
import { AuthLayout } from './layouts/auth-layout';
import { RequireAuth } from './layouts/require-auth';
import { RootLayout } from './layouts/root-layout';
import { lazyRoute, type LazyRoute } from './lazy-route';

// Route-level code splitting: the pages a visit starts on travel together (routes/landing.ts),
// the others each in their own chunk.
const landingPages = () => import('./routes/landing');
const SignIn = lazyRoute(() => landingPages().then((m) => m.SignInPage));
const SignUp = lazyRoute(() => landingPages().then((m) => m.SignUpPage));
const Confirm = lazyRoute(() => landingPages().then((m) => m.ConfirmPage));
const ForgotPassword = lazyRoute(() => landingPages().then((m) => m.ForgotPasswordPage));
const ResetPassword = lazyRoute(() => landingPages().then((m) => m.ResetPasswordPage));
const NotesLayout = lazyRoute(() => landingPages().then((m) => m.NotesLayout));
const NotesIndex = lazyRoute(() => landingPages().then((m) => m.NotesIndexPage));
const NotePage = lazyRoute(() => landingPages().then((m) => m.NotePage));
const NoteHistory = lazyRoute(() => landingPages().then((m) => m.NoteHistoryPage));
const Trash = lazyRoute(() => import('./routes/trash').then((m) => m.default));
const Status = lazyRoute(() => import('./routes/status').then((m) => m.default));
const Settings = lazyRoute(() => import('./routes/settings').then((m) => m.default));
const Developer = lazyRoute(() => import('../features/developer/developer-page').then((m) => m.default));
// A shared note's public page: its own chunk, outside the app shell and the session.
const SharedNote = lazyRoute(() => import('../features/shares/public/share-page').then((m) => m.default));
const NotFound = lazyRoute(() => import('./routes/not-found').then((m) => m.default));

/** Declarative routes (not the data router: no loaders needed, ~20 kB gzip less). */
const routes: RouteObject[] = createRoutesFromElements(
  <Route element={<RootLayout />}>
    <Route element={<AuthLayout />}>
      <Route path="/sign-in" element={<SignIn />} />
      <Route path="/sign-up" element={<SignUp />} />
      <Route path="/confirm" element={<Confirm />} />
      <Route path="/forgot-password" element={<ForgotPassword />} />
      <Route path="/reset-password" element={<ResetPassword />} />
    </Route>
    {/* RequireAuth outside the app shell: a signed-out visit to a private page goes to /sign-in
        without painting the shell first. */}
    <Route element={<RequireAuth />}>
      <Route element={<AppLayout />}>
        <Route path="/" element={<Navigate to="/notes" replace />} />
        <Route path="/notes" element={<NotesLayout />}>
          <Route index element={<NotesIndex />} />
          {/* "new" is a note id too: after its first save the URL becomes /notes/<id>
              without remounting the editor (so typing is never interrupted). */}
          <Route path=":noteId" element={<NotePage />} />
          <Route path=":noteId/history" element={<NoteHistory />} />
        </Route>
        <Route path="/trash" element={<Trash />} />
        <Route path="/developer" element={<Developer />} />
        <Route path="/settings" element={<Settings />} />
      </Route>
    </Route>
    <Route path="/s/:token" element={<SharedNote />} />
    <Route element={<AppLayout />}>
      <Route path="/status" element={<Status />} />
      <Route path="*" element={<NotFound />} />
    </Route>
  </Route>,
);

export function AppRoutes() {
  return useRoutes(routes);
}

const elementType = (route: RouteObject) => (isValidElement(route.element) ? route.element.type : undefined);

/**
 * Loads the pages the first render of `pathname` shows, following the redirects the layouts make
 * (signed out on a private page → /sign-in; signed in on an auth page → /notes; `/` → /notes).
 */
export function preloadRoute(pathname: string, signedIn: boolean): Promise<void> {
  for (let path = pathname, hops = 0; hops < 3; hops++) {
    const matches = matchRoutes(routes, path) ?? [];
    const types = matches.map((m) => elementType(m.route));
    const last = matches.at(-1)?.route.element;
    let next: string | undefined;
    if (!signedIn && types.includes(RequireAuth)) next = '/sign-in';
    else if (signedIn && types.includes(AuthLayout)) next = '/notes';
    else if (isValidElement<{ to: string }>(last) && last.type === Navigate) next = last.props.to;
    if (next === undefined) {
      const pages = types.filter((t): t is LazyRoute => typeof t === 'function' && 'preload' in t);
      return Promise.all(pages.map((page) => page.preload())).then(() => undefined);
    }
    path = next;
  }
  return Promise.resolve();
}
