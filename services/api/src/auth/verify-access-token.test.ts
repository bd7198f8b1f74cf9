import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { bearerToken, createAccessTokenVerifier, InvalidTokenError } from './verify-access-token';

// A user pool stand-in: an RSA key and its JWKS served over HTTP, as Cognito does.
let server: http.Server;
let issuer: string;
let privateKey: KeyLike;
const clientId = 'web-client';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' };
  server = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local_pool`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const now = () => Math.floor(Date.now() / 1000);

function sign(claims: JWTPayload, key: KeyLike = privateKey) {
  return new SignJWT({ token_use: 'access', client_id: clientId, sub: 'user-1', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
    .setIssuer(String(claims.iss ?? issuer))
    .setIssuedAt()
    .setExpirationTime(Number(claims.exp ?? now() + 600))
    .sign(key);
}

describe('verifyAccessToken', () => {
  it('accepts an access token of the pool and client, and returns its subject and expiry', async () => {
    const verify = createAccessTokenVerifier({ issuer, clientId });
    const exp = now() + 600;
    await expect(verify(await sign({ exp }))).resolves.toEqual({ sub: 'user-1', exp });
  });

  it.each<[string, JWTPayload]>([
    ['an ID token', { token_use: 'id' }],
    ['a token of another app client', { client_id: 'other-client' }],
    ['an expired token', { exp: now() - 1 }],
    ['a token of another issuer', { iss: 'http://127.0.0.1:1/other_pool' }],
    ['a token without subject', { sub: '' }],
  ])('refuses %s as invalid', async (_, claims) => {
    const verify = createAccessTokenVerifier({ issuer, clientId });
    await expect(verify(await sign(claims))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a validly signed token without `exp` (it would never expire)', async () => {
    const verify = createAccessTokenVerifier({ issuer, clientId });
    const token = await new SignJWT({ token_use: 'access', client_id: clientId, sub: 'user-1' })
      .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
      .setIssuer(issuer)
      .setIssuedAt()
      .sign(privateKey);
    await expect(verify(token)).rejects.toThrow(new InvalidTokenError('token has no expiry'));
  });

  it('refuses a token signed by another key', async () => {
    const verify = createAccessTokenVerifier({ issuer, clientId });
    const other = await generateKeyPair('RS256');
    await expect(verify(await sign({}, other.privateKey))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('reports an unreachable JWKS as an outage, not as an invalid token', async () => {
    const verify = createAccessTokenVerifier({ issuer: 'http://127.0.0.1:1/local_pool', clientId });
    const token = await sign({ iss: 'http://127.0.0.1:1/local_pool' });
    const error = await verify(token).catch((e: unknown) => e);
    // fetch's own error (from Node's realm, so no instanceof check across Jest's sandbox).
    expect((error as Error).message).toMatch(/fetch failed|ECONNREFUSED/);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
  });
});

describe('bearerToken', () => {
  it('takes the token out of "Bearer <jwt>" and refuses anything else', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    for (const header of [undefined, '', 'a.b.c', 'Basic a.b.c', 'Bearer a.b', 'Bearer a.b.c d']) {
      expect(() => bearerToken(header)).toThrow(InvalidTokenError);
    }
  });
});
