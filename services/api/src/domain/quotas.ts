// Per-user quotas: how many notes and attachment bytes a user may have, and how many API keys they
// may create and /v1 requests they may make per UTC day (limits: config.ts). Each is one counter item (models.ts
// quotaKeys) changed in the same transaction as what it counts, under the condition that it stays
// within its limit: parallel requests can never pass it, and a refused request writes nothing.
// Daily counters expire some days after their day (TTL); a standing one is given back when what
// it counts is gone for good.
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { quotaKeys } from '@jotter/shared/server/models';
import { config, type QuotaLimits } from '#config';
import { QuotaExceededError } from './errors';
import { db } from './table';

export type QuotaName = keyof QuotaLimits;

const daily: Record<QuotaName, boolean> = { notes: false, attachmentBytes: false, keyCreations: true, v1Requests: true };

/** Day counters live 2 days past their day: long enough for any request of that day to finish. */
const dayRetentionSeconds = 2 * 24 * 3600;

const what: Record<QuotaName, (limit: number) => string> = {
  notes: (limit) => `You have ${limit} notes, the most an account can hold (the trash included); delete some forever first`,
  attachmentBytes: (limit) => `Your attachments would take more than the ${limit / 1024 ** 2} MiB an account can hold; delete some first`,
  keyCreations: (limit) => `You created ${limit} API keys today (UTC), the most per day; try again after midnight UTC`,
  v1Requests: (limit) => `Your API keys made ${limit} requests today (UTC), the most per account and day; try again after midnight UTC`,
};

/** `2026-07-14` (UTC) */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole seconds until the next UTC midnight, at least 1: the `Retry-After` of a daily quota. */
export function secondsUntilUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

/** Unix seconds `retentionSeconds` after the end of `now`'s UTC day: a day item's TTL. */
export function dayExpiry(now: Date, retentionSeconds: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) / 1000 + retentionSeconds;
}

export function quotaLimit(name: QuotaName): number {
  return config().quotas[name];
}

/** The counter item's key: one per user and quota (and UTC day, for daily ones). */
export function quotaKey(sub: string, name: QuotaName, now: Date): { pk: string; sk: string } {
  return { pk: quotaKeys.pk(sub), sk: daily[name] ? quotaKeys.daySk(name, utcDay(now)) : quotaKeys.sk(name) };
}

/** A transaction item that counts `by` more against the quota; its condition fails past the limit. */
export function takeQuota(sub: string, name: QuotaName, now: Date, by = 1): TransactWriteItem {
  const { TableName } = db();
  const expiry = daily[name] ? dayExpiry(now, dayRetentionSeconds) : undefined;
  return {
    Update: {
      TableName,
      Key: marshall(quotaKey(sub, name, now)),
      UpdateExpression: `SET #type = :type${expiry ? ', #expiresAt = :expiresAt' : ''} ADD #used :by`,
      ConditionExpression: '(attribute_not_exists(#used) AND :by <= :limit) OR #used <= :room',
      ExpressionAttributeNames: { '#type': 'type', '#used': 'used', ...(expiry ? { '#expiresAt': 'expiresAt' } : {}) },
      ExpressionAttributeValues: marshall({ ':type': 'quota', ':by': by, ':limit': quotaLimit(name), ':room': quotaLimit(name) - by, ...(expiry ? { ':expiresAt': expiry } : {}) }),
    },
  };
}

/**
 * A transaction item that gives `by` back to a standing quota. Unconditional: a deletion must
 * never fail on its counter.
 */
export function releaseQuota(sub: string, name: QuotaName, by = 1): TransactWriteItem {
  const { TableName } = db();
  return {
    Update: {
      TableName,
      Key: marshall(quotaKey(sub, name, new Date())),
      UpdateExpression: 'SET #type = :type ADD #used :by',
      ExpressionAttributeNames: { '#type': 'type', '#used': 'used' },
      ExpressionAttributeValues: marshall({ ':type': 'quota', ':by': -by }),
    },
  };
}

/**
 * The error for a transaction whose takeQuota item's condition failed. Counting one at a time,
 * the counter is at its limit; `used` is the counter as read after a larger take failed.
 */
export function quotaExceeded(name: QuotaName, now: Date, used = quotaLimit(name)): QuotaExceededError {
  const limit = quotaLimit(name);
  return new QuotaExceededError(name, limit, used, what[name](limit), daily[name] ? secondsUntilUtcMidnight(now) : undefined);
}

/** The counter's value (strongly consistent), for the error of a take larger than one. */
export async function quotaUsed(sub: string, name: QuotaName, now: Date): Promise<number> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: marshall(quotaKey(sub, name, now)), ConsistentRead: true });
  return Number(result.Item?.used?.N ?? 0);
}
