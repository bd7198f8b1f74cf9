// Per-user quotas: how many notes and attachment bytes a user may have, and how many API keys they
// may create and /v1 requests they may make per UTC day (limits: config.ts). Each is one counter item (server/keys.ts
// quotaKeys) changed in the same transaction as what it counts, under the condition that it stays
// within its limit: parallel requests can never pass it, and a refused request writes nothing.
// Daily counters expire some days after their day (TTL); a standing one is given back when what
// it counts is gone for good.
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { quotaKeys } from '@jotter/shared/server/keys';
import type { AttachmentRecord } from '@jotter/shared/server/models';
import { config, type QuotaLimits } from '#config';
import { QuotaExceededError } from './errors';
import { cancelledItem, cancellationReasons } from './ddb-errors';
import { db } from './dynamodb';

export type QuotaName = keyof QuotaLimits;

const daily: Record<QuotaName, boolean> = { notes: false, attachmentBytes: false, keyCreations: true, v1Requests: true };

/** Day counters live 2 days past their day: long enough for any request of that day to finish. */
const dayRetentionSeconds = 2 * 24 * 3600;

const what: Record<QuotaName, (limit: number) => string> = {
  notes: (limit) => `An account holds at most ${limit} notes, the trash included; delete some forever first`,
  attachmentBytes: (limit) => `An account holds at most ${limit / 1024 ** 2} MiB of attachments; delete some first`,
  keyCreations: (limit) => `At most ${limit} API keys can be created per day; try again after midnight UTC`,
  v1Requests: (limit) => `Your API keys made their ${limit} requests for today; try again after midnight UTC`,
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

/** Bytes a note's attachments hold of the owner's quota: each at its declared size, from the upload request until it fails or is deleted. */
export function reservedBytes(attachments: AttachmentRecord[]): number {
  return attachments.reduce((sum, a) => (a.status === 'failed' ? sum : sum + a.size), 0);
}

export function quotaLimit(name: QuotaName): number {
  return config().quotas[name];
}

/** The counter item's key: one per user and quota (and UTC day, for daily ones). */
export function quotaKey(sub: string, name: QuotaName, now: Date): { pk: string; sk: string } {
  return { pk: quotaKeys.pk(sub), sk: daily[name] ? quotaKeys.daySk(name, utcDay(now)) : quotaKeys.sk(name) };
}

/**
 * A transaction item that counts `by` more against the quota (its condition fails past the limit,
 * returning the counter to the refusal: see quotaExceeded) or, with a negative `by`, gives that
 * much back to a standing quota, unconditionally: a deletion must never fail on its counter.
 */
export function changeQuota(sub: string, name: QuotaName, now: Date, by = 1): TransactWriteItem {
  const expiry = daily[name] ? dayExpiry(now, dayRetentionSeconds) : 0;
  const limit = quotaLimit(name);
  return {
    Update: {
      TableName: db().TableName,
      Key: marshall(quotaKey(sub, name, now)),
      UpdateExpression: `SET #type = :type${expiry ? ', expiresAt = :expiresAt' : ''} ADD #used :by`,
      ExpressionAttributeNames: { '#type': 'type', '#used': 'used' },
      ExpressionAttributeValues: marshall({ ':type': 'quota', ':by': by, ...(expiry ? { ':expiresAt': expiry } : {}), ...(by > 0 ? { ':limit': limit, ':room': limit - by } : {}) }),
      ...(by > 0 ? { ConditionExpression: '(attribute_not_exists(#used) AND :by <= :limit) OR #used <= :room', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    },
  };
}

/**
 * The error for a transaction whose changeQuota item (the `index`th) failed its condition, or
 * undefined when it did not. `used` is the counter as the refused transaction found it.
 */
export function quotaExceeded(error: unknown, index: number, name: QuotaName, now: Date): QuotaExceededError | undefined {
  if (cancellationReasons(error)?.[index] !== 'ConditionalCheckFailed') return undefined;
  const limit = quotaLimit(name);
  const used = Number(cancelledItem(error, index)?.used?.N ?? limit);
  return new QuotaExceededError(name, limit, used, what[name](limit), daily[name] ? secondsUntilUtcMidnight(now) : undefined);
}
