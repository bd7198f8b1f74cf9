/**
 * The only module that imports amazon-cognito-identity-js. It is loaded lazily (dynamic import
 * from session.ts) so the library stays out of the initial bundle: a signed-in user with a fresh
 * token never waits for it.
 */
import {
  AuthenticationDetails,
  CognitoRefreshToken,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import type { AuthFlow } from '../../config';

export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  endpoint: string | undefined;
  authFlow: AuthFlow;
}

export interface Tokens {
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

const pools = new Map<string, CognitoUserPool>();
function pool(s: CognitoSettings): CognitoUserPool {
  const key = `${s.userPoolId}|${s.clientId}|${s.endpoint ?? ''}`;
  let p = pools.get(key);
  if (!p) {
    p = new CognitoUserPool({ UserPoolId: s.userPoolId, ClientId: s.clientId, ...(s.endpoint ? { endpoint: s.endpoint } : {}) });
    pools.set(key, p);
  }
  return p;
}

function user(s: CognitoSettings, username: string): CognitoUser {
  const u = new CognitoUser({ Username: username, Pool: pool(s) });
  u.setAuthenticationFlowType(s.authFlow);
  return u;
}

const toTokens = (session: CognitoUserSession): Tokens => ({
  accessToken: session.getAccessToken().getJwtToken(),
  idToken: session.getIdToken().getJwtToken(),
  refreshToken: session.getRefreshToken().getToken(),
});

/** Normalises what the library hands to callbacks into a real Error carrying Cognito's `code`. */
function asError(err: unknown): Error {
  if (err instanceof Error) return err;
  const e = new Error(typeof err === 'object' && err && 'message' in err ? String((err as { message: unknown }).message) : String(err));
  if (typeof err === 'object' && err && 'code' in err) Object.assign(e, { code: (err as { code: unknown }).code });
  return e;
}

export function signUp(s: CognitoSettings, email: string, password: string): Promise<{ confirmed: boolean }> {
  return new Promise((resolve, reject) => {
    pool(s).signUp(email, password, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], (err, result) => {
      if (err || !result) reject(asError(err));
      else resolve({ confirmed: result.userConfirmed });
    });
  });
}

export function confirmSignUp(s: CognitoSettings, email: string, code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    user(s, email).confirmRegistration(code, true, (err) => (err ? reject(asError(err)) : resolve()));
  });
}

export function resendCode(s: CognitoSettings, email: string): Promise<void> {
  return new Promise((resolve, reject) => {
    user(s, email).resendConfirmationCode((err) => (err ? reject(asError(err)) : resolve()));
  });
}

export class UnsupportedChallengeError extends Error {
  override name = 'UnsupportedChallengeError';
  readonly code = 'UnsupportedChallenge';
}

/** Signs in; the library caches the tokens in localStorage (that is what survives a reload). */
export function signIn(s: CognitoSettings, email: string, password: string): Promise<Tokens> {
  return new Promise((resolve, reject) => {
    const unsupported = () => reject(new UnsupportedChallengeError('This account needs a sign-in step Jotter does not support yet.'));
    user(s, email).authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve(toTokens(session)),
      onFailure: (err) => reject(asError(err)),
      newPasswordRequired: unsupported,
      mfaRequired: unsupported,
      totpRequired: unsupported,
      customChallenge: unsupported,
      mfaSetup: unsupported,
      selectMFAType: unsupported,
    });
  });
}

/** Uses the refresh token for new access/ID tokens; the library writes them back to storage. */
export function refresh(s: CognitoSettings, username: string, refreshToken: string): Promise<Tokens> {
  return new Promise((resolve, reject) => {
    user(s, username).refreshSession(new CognitoRefreshToken({ RefreshToken: refreshToken }), (err: unknown, session: CognitoUserSession) => {
      if (err) reject(asError(err));
      else resolve(toTokens(session));
    });
  });
}

export function forgotPassword(s: CognitoSettings, email: string): Promise<void> {
  return new Promise((resolve, reject) => {
    user(s, email).forgotPassword({
      onSuccess: () => resolve(),
      onFailure: (err) => reject(asError(err)),
      inputVerificationCode: () => resolve(),
    });
  });
}

export function confirmNewPassword(s: CognitoSettings, email: string, code: string, newPassword: string): Promise<void> {
  return new Promise((resolve, reject) => {
    user(s, email).confirmPassword(code, newPassword, {
      onSuccess: () => resolve(),
      onFailure: (err) => reject(asError(err)),
    });
  });
}
