// The /v1 hot path: who a key belongs to (one Query on byLookup, in the authorizer) and counting
// its use against the daily quotas (one TransactWriteItems, in the function). Kept apart from
// keys.ts so the authorizer and the /v1 functions don't load the API Gateway client that key
// creation needs; raw client calls, not the Dynamoose models, so /v1 functions that need no
// models (search) stay small.
import { createHash } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { apiKeyValuePattern } from '@jotter/shared/keys';
import { apiKeyKeys, indexes } from '@jotter/shared/server/keys';
import type { ApiKeyRecord, KeyItemRecord } from '@jotter/shared/server/models';
import { cancellationReasons, retryingConflicts } from './ddb-errors';
import { db } from './dynamodb';
import { NotAuthenticatedError, QuotaExceededError } from './errors';
import { changeQuota, dayExpiry, quotaExceeded, secondsUntilUtcMidnight, utcDay } from './quotas';

/** Day items live until 40 days after their day: long enough to sum the current month. */
const usageRetentionSeconds = 40 * 24 * 3600;

export interface KeyOwner {
  sub: string;
  keyId: string;
}

export function hashKeyValue(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** `2026-07` (UTC) */
export function utcMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export function usageExpiry(now: Date): number {
  return dayExpiry(now, usageRetentionSeconds);
}

/** The key's owner, or undefined for an unknown (or revoked) value. One Query, no Scan. */
export async function findKeyOwner(value: string): Promise<KeyOwner | undefined> {
  if (!apiKeyValuePattern.test(value)) return undefined;
  const { client, TableName } = db();
  const result = await client.query({
    TableName,
    IndexName: indexes.byLookup,
    KeyConditionExpression: 'gsi2pk = :lookup',
    ExpressionAttributeValues: marshall({ ':lookup': apiKeyKeys.lookup(hashKeyValue(value)) }),
    Limit: 1,
  });
  const record = result.Items?.[0] ? (unmarshall(result.Items[0]) as KeyItemRecord) : undefined;
  if (!record || record.type !== 'apiKey') return undefined;
  return { sub: (record as ApiKeyRecord).ownerId, keyId: (record as ApiKeyRecord).keyId };
}

/**
 * Counts one /v1 request in one transaction, refusing it when
 * - the key is gone (NotAuthenticatedError): the transaction reads the key item itself, strongly,
 *   so a key revoked a moment ago is refused even while the authorizer's index still lists it;
 * - the key made `quota` requests today, or its owner's keys together made their `v1Requests`
 *   (QuotaExceededError): a revoked and recreated key starts a new per-key count, not a new
 *   per-user one.
 * The conditions make the checks and the increments atomic, so parallel requests never overshoot;
 * a refused request writes nothing. The key item keeps its last use; its day items add up usage.
 */
export async function recordKeyUse(owner: KeyOwner, quota: number, now = new Date()): Promise<void> {
  const { client, TableName } = db();
  const time = now.toISOString();
  const day = utcDay(now);
  const writes: TransactWriteItem[] = [
    {
      Update: {
        TableName,
        Key: marshall({ pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.sk(owner.keyId) }),
        UpdateExpression: 'SET lastUsedAt = :time',
        ConditionExpression: '#type = :key',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: marshall({ ':time': time, ':key': 'apiKey' }),
      },
    },
    {
      Update: {
        TableName,
        Key: marshall({ pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.usageSk(owner.keyId, day) }),
        UpdateExpression: 'SET #type = :type, keyId = :keyId, #day = :day, lastUsedAt = :time, expiresAt = :expiresAt ADD requests :one',
        ConditionExpression: 'attribute_not_exists(requests) OR requests < :quota',
        ExpressionAttributeNames: { '#type': 'type', '#day': 'day' },
        ExpressionAttributeValues: marshall({ ':type': 'apiKeyUsage', ':keyId': owner.keyId, ':day': day, ':time': time, ':expiresAt': usageExpiry(now), ':one': 1, ':quota': quota }),
      },
    },
    changeQuota(owner.sub, 'v1Requests', now),
  ];
  try {
    await retryingConflicts(() => client.transactWriteItems({ TransactItems: writes }));
  } catch (error) {
    const [key, keyDay] = (cancellationReasons(error) ?? []).map((reason) => reason === 'ConditionalCheckFailed');
    if (key) throw new NotAuthenticatedError('This API key was revoked');
    if (keyDay)
      throw new QuotaExceededError('apiKeyRequests', quota, quota, `This API key has used its ${quota} requests for today (UTC); try again after midnight UTC`, secondsUntilUtcMidnight(now));
    throw quotaExceeded(error, 2, 'v1Requests', now) ?? error;
  }
}
