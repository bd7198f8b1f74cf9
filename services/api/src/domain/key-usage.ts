// The /v1 hot path: who a key belongs to (one Query on byLookup) and counting its use against the
// daily quota (one conditional UpdateItem). Kept apart from keys.ts so the authorizer and the /v1
// functions don't load the API Gateway client that key creation needs.
import { createHash } from 'node:crypto';
import * as dynamoose from 'dynamoose';
import { apiKeyValuePattern } from '@jotter/shared/keys';
import { apiKeyKeys, indexes, type ApiKeyRecord, type ApiKeyUsageRecord, type KeyItemRecord } from '@jotter/shared/server/models';
import { QuotaExceededError } from './errors';
import { isConditionFailure, tableModels } from './table';

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

function plain<T>(item: unknown): T {
  return (item as { toJSON(): T }).toJSON();
}

/** The key's owner, or undefined for an unknown (or revoked) value. One Query, no Scan. */
export async function findKeyOwner(value: string): Promise<KeyOwner | undefined> {
  if (!apiKeyValuePattern.test(value)) return undefined;
  const { ApiKeyItem } = tableModels();
  const result = await ApiKeyItem.query('gsi2pk').eq(apiKeyKeys.lookup(hashKeyValue(value))).using(indexes.byLookup).limit(1).exec();
  const record = result[0] ? plain<KeyItemRecord>(result[0]) : undefined;
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
  const { ApiKeyItem } = tableModels();
  const time = now.toISOString();
  const day = utcDay(now);
  let usage: ApiKeyUsageRecord;
  try {
    const item = await ApiKeyItem.update(
      { pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.usageSk(owner.keyId, day) },
      { $SET: { type: 'apiKeyUsage', keyId: owner.keyId, day, lastUsedAt: time, expiresAt: usageExpiry(now) }, $ADD: { requests: 1 } },
      { condition: new dynamoose.Condition('requests').lt(quota).or().where('requests').not().exists() },
    );
    usage = plain<ApiKeyUsageRecord>(item);
  } catch (error) {
    if (isConditionFailure(error)) throw new QuotaExceededError(quota, secondsUntilUtcMidnight(now));
    throw error;
  }
  if (usage.requests === 1) {
    await ApiKeyItem.update(
      { pk: apiKeyKeys.pk(owner.sub), sk: apiKeyKeys.sk(owner.keyId) },
      { $SET: { lastUsedAt: time } },
      { condition: new dynamoose.Condition('type').eq('apiKey') },
    ).catch((error: unknown) => {
      // Revoked between the authorizer's lookup and now: nothing to remember.
      if (!isConditionFailure(error)) throw error;
    });
  }
  return { today: usage.requests };
}
