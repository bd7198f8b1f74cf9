// The authorizer's decision is cached by API Gateway for minutes; the token's expiry travels in its
// context and is checked again on every request.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { userFromEvent } from './user';

const now = Date.parse('2026-07-14T09:30:00Z');
const event = (authorizer: Record<string, unknown> | undefined) => ({ requestContext: { authorizer } }) as unknown as APIGatewayProxyEvent;
const refusal = (e: APIGatewayProxyEvent) => {
  try {
    userFromEvent(e, now);
    return undefined;
  } catch (error) {
    return { name: (error as Error).name, status: (error as { status?: number }).status, message: (error as Error).message };
  }
};

describe('userFromEvent', () => {
  it('accepts a cached decision whose token is still valid (exp as a number or, as API Gateway passes context, a string)', () => {
    expect(userFromEvent(event({ sub: 'u1', exp: now / 1000 + 60 }), now)).toEqual({ sub: 'u1' });
    expect(userFromEvent(event({ sub: 'u1', exp: String(now / 1000 + 1) }), now)).toEqual({ sub: 'u1' });
  });

  it('refuses a cached allow decision once its token has expired (to the second)', () => {
    expect(refusal(event({ sub: 'u1', exp: now / 1000 }))).toEqual({ name: 'HttpError', status: 401, message: 'Your session has expired; sign in again' });
    expect(refusal(event({ sub: 'u1', exp: now / 1000 - 3600 }))?.status).toBe(401);
  });

  it.each([
    ['no exp', { sub: 'u1' }],
    ['an exp that is not a number', { sub: 'u1', exp: 'soon' }],
    ['no sub', { exp: now / 1000 + 60 }],
    ['an empty sub', { sub: '', exp: now / 1000 + 60 }],
    ['no authorizer context at all', undefined],
  ])('refuses a context with %s as 401', (_, context) => {
    expect(refusal(event(context))).toEqual({ name: 'HttpError', status: 401, message: 'Sign in to continue' });
  });
});
