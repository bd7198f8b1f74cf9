// The /v1 hot path: who a key belongs to (one Query on byLookup) and counting its use against the
// daily quota (one conditional UpdateItem). Kept apart from keys.ts so the authorizer and the /v1
// functions don't load the API Gateway client that key creation needs; raw client calls, not the
// Dynamoose models, so /v1 functions that need no models (search) stay small.
import { createHash } from 'node:crypto';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { apiKeyValuePattern } from '@jotter/shared/keys';
import { apiKeyKeys, indexes } from '@jotter/shared/server/keys';
import type { ApiKeyRecord, ApiKeyUsageRecord, KeyItemRecord } from '@jotter/shared/server/models';
import { config } from '#config';
import { dynamoDb, isConditionFailure } from './dynamodb';
import { QuotaExceededError } from './errors';

/** Day items live until 40 days after their day: long enough to sum the current month. */
const usageRetentionSeconds = 40 * 24 * 3600;

export interface KeyOwner {
  sub: string;
  keyId: string;
}

export function hashKeyValue(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** `2026-07-14` (UTC) */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `2026-07` (UTC) */
export function utcMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Whole seconds until the next UTC midnight, at least 1: the `Retry-After` of an exhausted quota. */
export function secondsUntilUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

export function usageExpiry(now: Date): number {
  const endOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) / 1000;
  return endOfDay + usageRetentionSeconds;
}

/** The key's owner, or undefined for an unknown (or revoked) value. One Query, no Scan. */
export async function findKeyOwner(value: string): Promise<KeyOwner | undefined> {
  if (!apiKeyValuePattern.test(value)) return undefined;
  const result = await dynamoDb().query({
    TableName: config().tableName,
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
 * Counts one request of the key today, refusing it (QuotaExceededError) once `quota` requests
 * were counted: the condition makes the check and the increment one atomic UpdateItem, so
 * parallel requests can never overshoot. Refused requests are not counted. The key item's
 * `lastUsedAt` is written only by the day's first request (a second call, once per key and day).
 */
export async function recordKeyUse(owner: KeyOwner, quota: number, now = new Date()): Promise<{ today: number }> {
  const client = dynamoDb();
  const TableName = config().tableName;
  const time = now.toISOString();
  const day = utcDay(now);
  let usage: ApiKeyUsageRecord;
  try {
    const result = await client.updateItem({
      TableName,
      Key: marshall({ pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.usageSk(owner.keyId, day) }),
      UpdateExpression: 'SET #type = :type, keyId = :keyId, #day = :day, lastUsedAt = :time, expiresAt = :expiresAt ADD requests :one',
      ConditionExpression: 'requests < :quota OR attribute_not_exists(requests)',
      ExpressionAttributeNames: { '#type': 'type', '#day': 'day' },
      ExpressionAttributeValues: marshall({ ':type': 'apiKeyUsage', ':keyId': owner.keyId, ':day': day, ':time': time, ':expiresAt': usageExpiry(now), ':one': 1, ':quota': quota }),
      ReturnValues: 'ALL_NEW',
    });
    usage = unmarshall(result.Attributes!) as ApiKeyUsageRecord;
  } catch (error) {
    if (isConditionFailure(error)) throw new QuotaExceededError(quota, secondsUntilUtcMidnight(now));
    throw error;
  }
  if (usage.requests === 1) {
    await client
      .updateItem({
        TableName,
        Key: marshall({ pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.sk(owner.keyId) }),
        UpdateExpression: 'SET lastUsedAt = :time',
        ConditionExpression: '#type = :apiKey',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: marshall({ ':time': time, ':apiKey': 'apiKey' }),
      })
      .catch((error: unknown) => {
        // Revoked between the authorizer's lookup and now: nothing to remember.
        if (!isConditionFailure(error)) throw error;
      });
  }
  return { today: usage.requests };
}
