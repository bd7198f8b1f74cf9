import type { APIGatewayProxyEvent } from 'aws-lambda';
import { config } from '#config';
import { QuotaExceededError } from '#domain/errors';
import { recordKeyUse, type KeyOwner } from '#domain/key-usage';
import { HttpError } from '#http/errors';
import { log } from '#http/log';

/** The key owner established by the /v1 authorizer (v1/authorize.ts). */
export function keyOwnerFromEvent(event: APIGatewayProxyEvent): KeyOwner {
  const context = event.requestContext.authorizer ?? {};
  const { sub, keyId } = context as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof keyId !== 'string' || keyId === '')
    throw new HttpError('unauthorized', 'Send a valid API key in the x-api-key header');
  return { sub, keyId };
}

/**
 * Every /v1 request: who is calling, and count it against the key's daily quota (429
 * quota_exceeded beyond it). One log line per request feeds the dashboard's per-key widget.
 */
export async function meteredCaller(event: APIGatewayProxyEvent): Promise<KeyOwner> {
  const owner = keyOwnerFromEvent(event);
  try {
    const { today } = await recordKeyUse(owner, config().apiKeyDailyQuota);
    log.info('api key request', { keyId: owner.keyId, sub: owner.sub, outcome: 'counted', today });
  } catch (error) {
    if (error instanceof QuotaExceededError) log.info('api key request', { keyId: owner.keyId, sub: owner.sub, outcome: 'refused' });
    throw error;
  }
  return owner;
}
