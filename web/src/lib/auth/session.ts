/**
 * The session: who is signed in, a fresh access token on demand, silent refresh on a timer.
 * Framework-free (React subscribes through useSyncExternalStore in use-session.ts).
 * amazon-cognito-identity-js is loaded on first need, never on the initial paint.
 */
import type { AuthFlow } from '../../config';
import type { CognitoSettings, Tokens } from './cognito';
import { clearStoredSession, expiresAt, readStoredSession, type StoredSession } from './storage';
import { errorCode } from './auth-errors';
import { ExternalStore } from '../external-store';

/** `reason` says why a session ended: the user signed out, or it expired / was rejected (401). */
export type SignOutReason = 'user' | 'expired' | 'deleted';
export type SessionState = { status: 'signedOut'; reason?: SignOutReason } | { status: 'signedIn'; email: string };

export interface SessionOptions {
  userPoolId: string;
  clientId: string;
  region: string;
  endpoint: string | undefined;
  authFlow: AuthFlow;
  /** Refresh when the access token has less than this left. */
  refreshMarginMs?: number;
  now?: () => number;
}

class SessionStore extends ExternalStore<SessionState> {
  /** Tells subscribers only when who is signed in changed. */
  change(next: SessionState) {
    if (next.status === 'signedOut' && this.state.status === 'signedOut') return;
    if (next.status === 'signedIn' && this.state.status === 'signedIn' && this.state.email === next.email) return;
    this.replace(next);
  }
}

const loadCognito = () => import('./cognito');

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function createSession(options: SessionOptions) {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const settings: CognitoSettings = { userPoolId: options.userPoolId, clientId: options.clientId, endpoint: options.endpoint, authFlow: options.authFlow };

  let stored: StoredSession | null = readStoredSession(options.clientId);
  const store = new SessionStore(stored ? { status: 'signedIn', email: stored.email } : { status: 'signedOut' });
  let refreshing: Promise<string | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: SessionState) => store.change(next);

  function schedule() {
    clearTimeout(timer);
    if (!stored) return;
    const delay = Math.max(stored.accessExpiresAt - margin - now(), 1_000);
    // setTimeout overflows past ~24.8 days; tokens live an hour, but be safe.
    timer = setTimeout(() => void getAccessToken().catch(() => undefined), Math.min(delay, 2 ** 31 - 1));
  }

  function adopt(tokens: Tokens, username: string, email?: string) {
    // The library has already cached these in localStorage; mirror them in memory.
    const fromStorage = readStoredSession(options.clientId);
    stored = fromStorage ?? {
      username,
      email: email ?? username,
      ...tokens,
      accessExpiresAt: expiresAt(tokens.accessToken),
    };
    setState({ status: 'signedIn', email: stored.email });
    schedule();
  }

  function signOutLocally(reason: SignOutReason) {
    clearTimeout(timer);
    const revoke = stored?.refreshToken;
    stored = null;
    clearStoredSession(options.clientId);
    setState({ status: 'signedOut', reason });
    return revoke;
  }

  /** Fresh access token (refreshed first when < margin left), or null when signed out. */
  function getAccessToken(): Promise<string | null> {
    if (!stored) return Promise.resolve(null);
    if (stored.accessExpiresAt - now() > margin) return Promise.resolve(stored.accessToken);
    if (refreshing) return refreshing;
    const { username, refreshToken, email } = stored;
    refreshing = loadCognito()
      .then((c) => c.refresh(settings, username, refreshToken))
      .then((tokens) => {
        adopt(tokens, username, email);
        return tokens.accessToken;
      })
      .catch((error: unknown) => {
        const code = errorCode(error);
        if (code === 'NotAuthorizedException' || code === 'UserNotFoundException') {
          // Refresh token expired or revoked: the session is over.
          signOutLocally('expired');
          return null;
        }
        // Offline or a hiccup: keep the session; the caller's request will tell.
        if (stored) {
          clearTimeout(timer);
          timer = setTimeout(() => void getAccessToken().catch(() => undefined), 30_000);
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  if (stored) schedule();
  if (typeof document !== 'undefined') {
    // Timers are throttled in background tabs: check again when the user comes back.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && stored) void getAccessToken().catch(() => undefined);
    });
  }

  const cognitoEndpoint = () => options.endpoint ?? `https://cognito-idp.${options.region}.amazonaws.com/`;

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    getAccessToken,

    async signIn(email: string, password: string) {
      const c = await loadCognito();
      const username = normaliseEmail(email);
      const tokens = await c.signIn(settings, username, password);
      adopt(tokens, username, username);
    },

    async signUp(email: string, password: string) {
      const c = await loadCognito();
      return c.signUp(settings, normaliseEmail(email), password);
    },
    async confirmSignUp(email: string, code: string) {
      const c = await loadCognito();
      await c.confirmSignUp(settings, normaliseEmail(email), code.trim());
    },
    async resendCode(email: string) {
      const c = await loadCognito();
      await c.resendCode(settings, normaliseEmail(email));
    },
    async forgotPassword(email: string) {
      const c = await loadCognito();
      await c.forgotPassword(settings, normaliseEmail(email));
    },
    async resetPassword(email: string, code: string, newPassword: string) {
      const c = await loadCognito();
      await c.confirmNewPassword(settings, normaliseEmail(email), code.trim(), newPassword);
    },

    /**
     * Changes the password of the signed-in user (Cognito's ChangePassword, authorized by the
     * access token: no library needed). Failures carry Cognito's error name, as the library's do.
     */
    async changePassword(previousPassword: string, proposedPassword: string) {
      const accessToken = await getAccessToken();
      if (!accessToken) throw Object.assign(new Error('Sign in again to change your password'), { name: 'NotAuthorizedException' });
      const response = await fetch(cognitoEndpoint(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ChangePassword' },
        body: JSON.stringify({ PreviousPassword: previousPassword, ProposedPassword: proposedPassword, AccessToken: accessToken }),
      });
      if (response.ok) return;
      const failure = (await response.json().catch(() => ({}))) as { __type?: string; message?: string };
      throw Object.assign(new Error(failure.message ?? 'The password could not be changed'), { name: failure.__type?.split('#').pop() ?? 'UnknownError', code: failure.__type?.split('#').pop() });
    },

    /** Clears the session at once; revokes the refresh token in the background (best effort). */
    signOut(reason: SignOutReason = 'user') {
      const refreshToken = signOutLocally(reason);
      if (!refreshToken) return;
      void fetch(cognitoEndpoint(), {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.RevokeToken' },
        body: JSON.stringify({ Token: refreshToken, ClientId: options.clientId }),
      }).catch(() => undefined);
    },

    /** Preload the library (e.g. when an auth page mounts) so the first submit is instant. */
    preload() {
      void loadCognito();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
