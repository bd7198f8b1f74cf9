import { createHash } from 'node:crypto';
import { apiKeyValuePattern } from '@jotter/shared/keys';
import type { KeyItemRecord } from '@jotter/shared/server/models';
import { hashKeyValue, usageExpiry, utcMonth } from './key-usage';
import { secondsUntilUtcMidnight, utcDay } from './quotas';
import { keysFromItems, newKeyValue } from './keys';

const key = (keyId: string, createdAt: string, lastUsedAt?: string): KeyItemRecord => ({
  pk: 'USER#u',
  sk: `KEY#${keyId}`,
  gsi2pk: `APIKEY#${keyId}`,
  gsi2sk: keyId,
  type: 'apiKey',
  ownerId: 'u',
  keyId,
  name: `key ${keyId}`,
  createdAt,
  ...(lastUsedAt ? { lastUsedAt } : {}),
});
const day = (keyId: string, d: string, requests: number, lastUsedAt = `${d}T12:00:00.000Z`): KeyItemRecord => ({
  pk: 'USER#u',
  sk: `KEY#${keyId}#DAY#${d}`,
  type: 'apiKeyUsage',
  keyId,
  day: d,
  requests,
  lastUsedAt,
  expiresAt: 0,
});

describe('key values', () => {
  it('are jot_ + 43 base64url characters (32 random bytes), never repeated', () => {
    const values = new Set(Array.from({ length: 200 }, newKeyValue));
    expect(values.size).toBe(200);
    for (const value of values) expect(value).toMatch(apiKeyValuePattern);
  });

  it('are stored as their SHA-256 (hex)', () => {
    expect(hashKeyValue('jot_abc')).toBe(createHash('sha256').update('jot_abc').digest('hex'));
    expect(hashKeyValue('jot_abc')).toHaveLength(64);
  });
});

describe('UTC days', () => {
  it('names the day and month in UTC', () => {
    const t = new Date('2026-07-31T23:59:59.500Z');
    expect(utcDay(t)).toBe('2026-07-31');
    expect(utcMonth(t)).toBe('2026-07');
  });

  it('Retry-After counts whole seconds to the next UTC midnight, at least 1', () => {
    expect(secondsUntilUtcMidnight(new Date('2026-07-14T00:00:00.000Z'))).toBe(86_400);
    expect(secondsUntilUtcMidnight(new Date('2026-07-14T23:00:00.000Z'))).toBe(3600);
    expect(secondsUntilUtcMidnight(new Date('2026-07-14T23:59:59.999Z'))).toBe(1);
    expect(secondsUntilUtcMidnight(new Date('2026-12-31T12:00:00.000Z'))).toBe(43_200);
  });

  it('keeps a day counter 40 days after its day (long enough to sum any month)', () => {
    expect(usageExpiry(new Date('2026-07-14T10:00:00.000Z'))).toBe(Date.UTC(2026, 6, 15) / 1000 + 40 * 86_400);
  });
});

describe('keysFromItems', () => {
  const now = new Date('2026-07-14T15:00:00.000Z');

  it('sums today and this month per key, ignores other months and deleted keys’ counters', () => {
    const items = [
      key('a', '2026-07-01T00:00:00.000Z'),
      day('a', '2026-06-30', 50),
      day('a', '2026-07-02', 7),
      day('a', '2026-07-14', 3),
      key('b', '2026-07-10T00:00:00.000Z'),
      day('gone', '2026-07-14', 99),
      { pk: 'USER#u', sk: 'KEYS', type: 'apiKeyCount', keyCount: 2 } as KeyItemRecord,
    ];
    expect(keysFromItems(items, now)).toEqual([
      { keyId: 'b', name: 'key b', createdAt: '2026-07-10T00:00:00.000Z', lastUsedAt: null, usage: { today: 0, month: 0 } },
      { keyId: 'a', name: 'key a', createdAt: '2026-07-01T00:00:00.000Z', lastUsedAt: '2026-07-14T12:00:00.000Z', usage: { today: 3, month: 10 } },
    ]);
  });

  it('lastUsedAt is the latest of the key item’s and its counters’ (counters expire, the key item stays)', () => {
    const items = [key('a', '2026-01-01T00:00:00.000Z', '2026-03-01T08:00:00.000Z')];
    expect(keysFromItems(items, now)[0]?.lastUsedAt).toBe('2026-03-01T08:00:00.000Z');
    items.push(day('a', '2026-07-13', 1, '2026-07-13T22:00:00.000Z'));
    expect(keysFromItems(items, now)[0]).toMatchObject({ lastUsedAt: '2026-07-13T22:00:00.000Z', usage: { today: 0, month: 1 } });
  });
});
