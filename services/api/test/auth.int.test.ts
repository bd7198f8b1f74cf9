// Token verification against the real Cognito emulator: only access tokens of this pool's app
// client, signed by the pool's key and unexpired, get through; everything else is a 401 body.
import { decodeJwt } from 'jose';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { apiClient } from '@jotter/tools/testing/api';
import { alteredPayloadToken, expiredToken, foreignKeyToken, freshToken, otherClientAccessToken } from '@jotter/tools/testing/tokens';

const stack = readStack();
let user: TestUser;

beforeAll(async () => {
  user = await createTestUser(stack);
});

function expectUnauthorized(response: { status: number; body: unknown; headers: Headers }) {
  expect(response.status).toBe(401);
  // The gateway's answer carries its request id like the functions' errors do.
  expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String), requestId: response.headers.get('x-request-id') } });
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
    expectUnauthorized(await apiClient(stack, await foreignKeyToken(user.accessToken)).get('/me'));
  });

  it('refuses a token whose payload was altered after signing', async () => {
    expectUnauthorized(await apiClient(stack, alteredPayloadToken(user.accessToken, { sub: 'someone-else' })).get('/me'));
  });

  it('refuses an expired token signed by the pool key, and accepts the same token unexpired', async () => {
    // Control: the re-signed token is otherwise valid, so only expiry can explain the 401 below.
    expect((await apiClient(stack, await freshToken(user.accessToken)).get('/me')).status).toBe(200);
    expectUnauthorized(await apiClient(stack, await expiredToken(user.accessToken)).get('/me'));
  });

  it('refuses an access token issued to another app client of the same pool', async () => {
    const token = await otherClientAccessToken(stack, user.email, user.password);
    expect(decodeJwt(token).client_id).not.toBe(stack.userPoolClientId);
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
