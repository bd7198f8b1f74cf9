// Token verification against the real Cognito emulator: only access tokens of this pool's app
// client, signed by the pool's key and unexpired, get through; everything else is a 401 body.
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { readStack } from '../../../tools/src/testing/stack';
import { createTestUser, type TestUser } from '../../../tools/src/testing/users';
import { apiClient } from '../../../tools/src/testing/api';

const stack = readStack();
let user: TestUser;

beforeAll(async () => {
  user = await createTestUser(stack);
});

function expectUnauthorized(response: { status: number; body: unknown }) {
  expect(response.status).toBe(401);
  expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
}

/** The emulator's own signing key (shipped in the cognito-local package): lets a test mint tokens the pool would. */
function emulatorSigningKey() {
  const keyFile = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json', { paths: [require.resolve('../../../tools/package.json')] });
  const { pem } = JSON.parse(readFileSync(keyFile, 'utf8')) as { pem: string };
  return createPrivateKey(pem);
}

async function resign(payload: JWTPayload, key: Parameters<SignJWT['sign']>[0], changes: JWTPayload) {
  return new SignJWT({ ...payload, ...changes }).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
}

describe('GET /me', () => {
  it('answers the signed-in user for a valid access token', async () => {
    const origin = new URL(stack.webUrl).origin;
    const response = await apiClient(stack, user.accessToken).get('/me', { Origin: origin });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: user.sub, email: user.email });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('refuses a request without a token', async () => {
    expectUnauthorized(await apiClient(stack).get('/me'));
  });

  it('refuses garbage', async () => {
    expectUnauthorized(await apiClient(stack).get('/me', { Authorization: 'Bearer not-a-token' }));
    expectUnauthorized(await apiClient(stack).get('/me', { Authorization: 'Bearer a.b.c' }));
    expectUnauthorized(await apiClient(stack).get('/me', { Authorization: user.accessToken }));
  });

  it('refuses an ID token', async () => {
    expectUnauthorized(await apiClient(stack, user.idToken).get('/me'));
  });

  it('refuses a token with valid claims signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await resign(decodeJwt(user.accessToken), privateKey, {});
    expectUnauthorized(await apiClient(stack, forged).get('/me'));
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = user.accessToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodeJwt(user.accessToken), sub: 'someone-else' })).toString('base64url');
    expectUnauthorized(await apiClient(stack, `${header}.${payload}.${signature}`).get('/me'));
  });

  it('refuses an expired token signed by the pool key, and accepts the same token unexpired', async () => {
    const key = emulatorSigningKey();
    const claims = decodeJwt(user.accessToken);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const fresh = await resign(claims, key, { iat: nowSeconds, exp: nowSeconds + 600 });
    // Control: the re-signed token is otherwise valid, so only expiry can explain the 401 below.
    expect((await apiClient(stack, fresh).get('/me')).status).toBe(200);
    const expired = await resign(claims, key, { iat: nowSeconds - 7200, exp: nowSeconds - 60 });
    expectUnauthorized(await apiClient(stack, expired).get('/me'));
  });

  it('refuses an access token issued to another app client of the same pool', async () => {
    const cognito = new CognitoIdentityProviderClient({
      region: stack.region,
      endpoint: stack.cognitoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const other = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientName: `other-app-${Date.now()}`,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const auth = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: other.UserPoolClient!.ClientId!,
        AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
      }),
    );
    const token = auth.AuthenticationResult!.AccessToken!;
    expect(decodeJwt(token).client_id).toBe(other.UserPoolClient!.ClientId);
    expectUnauthorized(await apiClient(stack, token).get('/me'));
  });
});

describe('GET /health', () => {
  it('answers without a token', async () => {
    const response = await apiClient(stack).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
