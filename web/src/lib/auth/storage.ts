/**
 * Synchronous read of the session amazon-cognito-identity-js keeps in localStorage
 * (`CognitoIdentityServiceProvider.<clientId>.LastAuthUser` and `.<username>.{accessToken,idToken,refreshToken}`).
 * Reading it directly lets the first paint know who is signed in without loading the library.
 */

export interface StoredSession {
  username: string;
  email: string;
  accessToken: string;
  idToken: string;
  refreshToken: string;
  /** Access token expiry, epoch milliseconds. */
  accessExpiresAt: number;
}

export function decodeJwt(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const json = decodeURIComponent(
      Array.from(atob(base64), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    const payload: unknown = JSON.parse(json);
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const expiresAt = (token: string): number => {
  const exp = decodeJwt(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : 0;
};

const prefix = (clientId: string) => `CognitoIdentityServiceProvider.${clientId}`;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function readStoredSession(clientId: string): StoredSession | null {
  const store = storage();
  if (!store) return null;
  const username = store.getItem(`${prefix(clientId)}.LastAuthUser`);
  if (!username) return null;
  const key = `${prefix(clientId)}.${username}`;
  const accessToken = store.getItem(`${key}.accessToken`);
  const idToken = store.getItem(`${key}.idToken`);
  const refreshToken = store.getItem(`${key}.refreshToken`);
  if (!accessToken || !idToken || !refreshToken) return null;
  const email = decodeJwt(idToken)?.email;
  return {
    username,
    email: typeof email === 'string' ? email : username,
    accessToken,
    idToken,
    refreshToken,
    accessExpiresAt: expiresAt(accessToken),
  };
}

/** Removes every key the library stored for this client (what `CognitoUser.signOut()` does locally). */
export function clearStoredSession(clientId: string): void {
  const store = storage();
  if (!store) return;
  const p = prefix(clientId) + '.';
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(p)) keys.push(k);
  }
  keys.forEach((k) => store.removeItem(k));
}
