import type { APIGatewayProxyEvent } from 'aws-lambda';
import { HttpError } from './errors';

/** The signed-in user, as established by the authorizer (src/handlers/authorize.ts). */
export interface User {
  sub: string;
}

/**
 * Reads the authorizer's context. API Gateway caches authorizer results for a few minutes, so
 * the token's expiry travels in the context and is re-checked here: a token that expired while
 * its allow decision was cached is still refused.
 */
export function userFromEvent(event: APIGatewayProxyEvent, now = Date.now()): User {
  const context = event.requestContext.authorizer ?? {};
  const sub = context.sub;
  const exp = Number(context.exp);
  if (typeof sub !== 'string' || sub === '' || !Number.isFinite(exp))
    throw new HttpError('unauthorized', 'Sign in to continue');
  if (exp * 1000 <= now) throw new HttpError('unauthorized', 'Your session has expired; sign in again');
  return { sub };
}
