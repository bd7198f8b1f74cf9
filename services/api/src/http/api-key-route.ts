// The wrapper for `apiKey` routes (the developer API under /v1). Same as route.ts, plus the key:
// who the /v1 authorizer (handlers/v1/authorize.ts) said is calling, checked against the key item
// itself and counted against the key's and its owner's daily quotas (429 quota_exceeded beyond
// them) before the handler runs. It lives
// apart from route.ts because the metering loads the key-usage table code (Dynamoose): the
// health, me and openapi functions would otherwise carry it too.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { RouteDefinition } from '@jotter/shared/contract/route';
import { config } from '#config';
import { QuotaExceededError } from '#domain/errors';
import { recordKeyUse, type KeyOwner } from '#domain/key-usage';
import { HttpError } from './errors';
import { log } from '#log';
import { routeWith, type RouteBody, type RouteHandler } from './route';

/** The key owner established by the /v1 authorizer. */
export function keyOwnerFromEvent(event: APIGatewayProxyEvent): KeyOwner {
  const context = event.requestContext.authorizer ?? {};
  const { sub, keyId } = context as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof keyId !== 'string' || keyId === '')
    throw new HttpError('unauthorized', 'Send a valid API key in the x-api-key header');
  return { sub, keyId };
}

/** Who is calling, counted against the daily quotas. One log line per request feeds the dashboard's per-key widget. */
async function meteredKeyOwner(event: APIGatewayProxyEvent): Promise<KeyOwner> {
  const owner = keyOwnerFromEvent(event);
  try {
    await recordKeyUse(owner, config().apiKeyDailyQuota);
    log.info('api key request', { keyId: owner.keyId, sub: owner.sub, outcome: 'counted' });
  } catch (error) {
    if (error instanceof QuotaExceededError) log.info('api key request', { keyId: owner.keyId, sub: owner.sub, outcome: 'refused' });
    throw error;
  }
  return owner;
}

/** `route(v1GetNoteRoute, async ({ user, params }) => …)`: `user` is the key's owner. */
export function route<R extends RouteDefinition & { auth: 'apiKey' }>(contract: R, handle: RouteBody<R>): RouteHandler {
  return routeWith(contract, async (event) => ({ sub: (await meteredKeyOwner(event)).sub }), handle);
}
