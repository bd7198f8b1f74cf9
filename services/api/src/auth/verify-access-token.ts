// The one check that decides who a caller is, used by the API Gateway authorizer on AWS and by
// serverless-offline locally: same code, same rules, against the pool's real JWKS.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

export interface AccessTokenClaims {
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export interface VerifierOptions {
  issuer: string;
  clientId: string;
}

/**
 * Builds a verifier for one user pool and app client. The JWKS is fetched on first use and cached
 * by jose (refetched when an unknown key id appears, i.e. after a key rotation).
 */
export function createAccessTokenVerifier({ issuer, clientId }: VerifierOptions) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), { timeoutDuration: 3000 });

  return async function verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] }));
    } catch (error) {
      // A JWKS that cannot be fetched is our outage, not the caller's fault: it must surface as a
      // server error (and an alarm), not as a wave of "sign in again".
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) throw error;
      throw new InvalidTokenError(error.message);
    }
    // Cognito access tokens carry no `aud`; the app client is `client_id`. ID tokens carry `aud`
    // and `token_use: id` and must not be accepted as access tokens.
    if (payload.token_use !== 'access') throw new InvalidTokenError('not an access token');
    if (payload.client_id !== clientId) throw new InvalidTokenError('token issued to another app client');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('token has no subject');
    if (typeof payload.exp !== 'number') throw new InvalidTokenError('token has no expiry');
    return { sub: payload.sub, exp: payload.exp };
  };
}

/** `Bearer <token>` → token; anything else is not a credential. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header?.trim() ?? '');
  if (!match?.[1]) throw new InvalidTokenError('expected "Authorization: Bearer <access token>"');
  return match[1];
}
