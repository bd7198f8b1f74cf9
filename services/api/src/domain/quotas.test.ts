// The quota counters' transaction items and refusals, without a table (the integration tests run
// them against DynamoDB Local).
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { setFunctionTestEnv } from '../test-env';
import { changeQuota, quotaExceeded, reservedBytes } from './quotas';

setFunctionTestEnv({ NOTE_QUOTA: '7', KEY_CREATION_DAILY_QUOTA: '3' });
const now = new Date('2026-07-14T22:00:00.000Z');
const cancelled = (reasons: { Code: string; Item?: object }[]) => Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: reasons });

describe('changeQuota', () => {
  it('takes under the condition that the counter stays within its limit, and returns it on refusal', () => {
    const { Update } = changeQuota('u', 'notes', now);
    expect(unmarshall(Update!.Key!)).toEqual({ pk: 'USER#u', sk: 'QUOTA#notes' });
    expect(Update!.ConditionExpression).toBe('(attribute_not_exists(#used) AND :by <= :limit) OR #used <= :room');
    expect(unmarshall(Update!.ExpressionAttributeValues!)).toEqual({ ':type': 'quota', ':by': 1, ':limit': 7, ':room': 6 });
    expect(Update!.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });

  it('gives back without a condition (a deletion never fails on its counter)', () => {
    const { Update } = changeQuota('u', 'attachmentBytes', now, -500);
    expect(Update!.ConditionExpression).toBeUndefined();
    expect(unmarshall(Update!.ExpressionAttributeValues!)).toEqual({ ':type': 'quota', ':by': -500 });
  });

  it('keys a daily counter by UTC day and lets it expire 2 days after that day', () => {
    const { Update } = changeQuota('u', 'keyCreations', now);
    expect(unmarshall(Update!.Key!)).toEqual({ pk: 'USER#u', sk: 'QUOTA#keyCreations#2026-07-14' });
    expect(unmarshall(Update!.ExpressionAttributeValues!)[':expiresAt']).toBe(Date.UTC(2026, 6, 15) / 1000 + 2 * 86_400);
  });
});

describe('quotaExceeded', () => {
  it('names the quota, its limit and the counter the refused transaction found; daily ones say when they reset', () => {
    const error = cancelled([{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { used: { N: '7' } } }]);
    expect(quotaExceeded(error, 1, 'notes', now)).toMatchObject({ quota: 'notes', limit: 7, used: 7, retryAfterSeconds: undefined });
    const daily = quotaExceeded(cancelled([{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }]), 2, 'keyCreations', now);
    expect(daily).toMatchObject({ quota: 'keyCreations', limit: 3, used: 3, retryAfterSeconds: 7200 });
  });

  it('is undefined when another item (or nothing transactional) failed', () => {
    expect(quotaExceeded(cancelled([{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }]), 1, 'notes', now)).toBeUndefined();
    expect(quotaExceeded(new Error('boom'), 1, 'notes', now)).toBeUndefined();
  });
});

test('an attachment holds its declared size of the quota until its upload fails', () => {
  const attachment = (size: number, status: 'pending' | 'ready' | 'failed') => ({ attachmentId: `${size}`, fileName: 'f', contentType: 'x/y', size, status, createdAt: '' });
  expect(reservedBytes([attachment(10, 'pending'), attachment(20, 'ready'), attachment(40, 'failed')])).toBe(30);
});
