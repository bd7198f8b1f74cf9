// API keys of the developer API: create (value shown once, only its hash stored), list with usage,
// revoke. The per-user limit is a counter item updated in the same transaction as the key, so
// parallel creations can never pass it.
import { randomBytes, randomUUID } from 'node:crypto';
import * as dynamoose from 'dynamoose';
import { keyLimits, type ApiKey, type CreateKeyRequest, type CreatedKey } from '@jotter/shared/keys';
import { apiKeyKeys, type ApiKeyRecord, type ApiKeyUsageRecord, type KeyItemRecord } from '@jotter/shared/server/models';
import { LimitExceededError, NotFoundError } from './errors';
import { gatewayKeysEnabled, registerGatewayKey, removeGatewayKey } from './key-gateway';
import { hashKeyValue, utcMonth } from './key-usage';
import { changeQuota, quotaExceeded, utcDay } from './quotas';
import { cancellationReasons, retryingConflicts, tableModels } from './table';

export function newKeyValue(): string {
  return `jot_${randomBytes(32).toString('base64url')}`;
}

function plain<T>(item: unknown): T {
  return (item as { toJSON(): T }).toJSON();
}

const transact = (build: () => Promise<unknown>[]) => retryingConflicts(() => dynamoose.transaction(build() as never));

const countKey = (sub: string) => ({ pk: apiKeyKeys.pk(sub), sk: apiKeyKeys.countSk });

export async function createKey(sub: string, input: CreateKeyRequest, now = new Date()): Promise<CreatedKey> {
  const { ApiKeyItem } = tableModels();
  const keyId = randomUUID();
  const value = newKeyValue();
  const createdAt = now.toISOString();
  const record: ApiKeyRecord = {
    pk: apiKeyKeys.pk(sub),
    sk: apiKeyKeys.sk(keyId),
    gsi2pk: apiKeyKeys.lookup(hashKeyValue(value)),
    gsi2sk: keyId,
    type: 'apiKey',
    ownerId: sub,
    keyId,
    name: input.name,
    createdAt,
  };
  try {
    await transact(() => [
      ApiKeyItem.transaction.update(
        countKey(sub),
        { $SET: { type: 'apiKeyCount' }, $ADD: { keyCount: 1 } },
        { condition: new dynamoose.Condition('keyCount').lt(keyLimits.maxKeysPerUser).or().where('keyCount').not().exists() },
      ),
      ApiKeyItem.transaction.create(record, { overwrite: false }),
      Promise.resolve(changeQuota(sub, 'keyCreations', now)),
    ]);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.[0] === 'ConditionalCheckFailed')
      throw new LimitExceededError(`You can have at most ${keyLimits.maxKeysPerUser} API keys; revoke one first`);
    throw quotaExceeded(error, 2, 'keyCreations', now) ?? error;
  }
  if (gatewayKeysEnabled()) {
    try {
      const gatewayKeyId = await registerGatewayKey(keyId, value);
      await ApiKeyItem.update({ pk: record.pk, sk: record.sk }, { $SET: { gatewayKeyId } });
    } catch (error) {
      await removeKeyItems(sub, keyId);
      throw error;
    }
  }
  return { keyId, name: record.name, createdAt, value };
}

/** Deletes the key item and gives its slot back; false when it was already gone. */
async function removeKeyItems(sub: string, keyId: string): Promise<boolean> {
  const { ApiKeyItem } = tableModels();
  try {
    await transact(() => [
      ApiKeyItem.transaction.delete(
        { pk: apiKeyKeys.pk(sub), sk: apiKeyKeys.sk(keyId) },
        { condition: new dynamoose.Condition('type').eq('apiKey') },
      ),
      ApiKeyItem.transaction.update(countKey(sub), { $ADD: { keyCount: -1 } }, { condition: new dynamoose.Condition('keyCount').gt(0) }),
    ]);
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return false;
    throw error;
  }
}

/** Revokes a key: from the next request on, the authorizer's lookup no longer finds it. */
export async function deleteKey(sub: string, keyId: string): Promise<void> {
  const { ApiKeyItem } = tableModels();
  const item = await ApiKeyItem.get({ pk: apiKeyKeys.pk(sub), sk: apiKeyKeys.sk(keyId) });
  const record = item ? plain<KeyItemRecord>(item) : undefined;
  if (!record || record.type !== 'apiKey') throw new NotFoundError('API key');
  if (!(await removeKeyItems(sub, keyId))) throw new NotFoundError('API key');
  if (record.gatewayKeyId) await removeGatewayKey(record.gatewayKeyId);
}

/** Turns a user's key and usage items into the key list (pure; see keys.test.ts). */
export function keysFromItems(items: KeyItemRecord[], now: Date): ApiKey[] {
  const today = utcDay(now);
  const month = utcMonth(now);
  const usage = new Map<string, { today: number; month: number; lastUsedAt?: string }>();
  for (const item of items) {
    if (item.type !== 'apiKeyUsage') continue;
    const u = item as ApiKeyUsageRecord;
    const entry = usage.get(u.keyId) ?? { today: 0, month: 0 };
    if (u.day === today) entry.today += u.requests;
    if (u.day.startsWith(month)) entry.month += u.requests;
    if (!entry.lastUsedAt || u.lastUsedAt > entry.lastUsedAt) entry.lastUsedAt = u.lastUsedAt;
    usage.set(u.keyId, entry);
  }
  return items
    .filter((item): item is ApiKeyRecord => item.type === 'apiKey')
    .map((key) => {
      const u = usage.get(key.keyId);
      const candidates = [key.lastUsedAt, u?.lastUsedAt].filter((t): t is string => Boolean(t)).sort();
      return {
        keyId: key.keyId,
        name: key.name,
        createdAt: key.createdAt,
        lastUsedAt: candidates.at(-1) ?? null,
        usage: { today: u?.today ?? 0, month: u?.month ?? 0 },
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** One Query over the user's partition (keys and their day counters share the `KEY#` prefix). */
export async function listKeys(sub: string, now = new Date()): Promise<ApiKey[]> {
  const { ApiKeyItem } = tableModels();
  const items: KeyItemRecord[] = [];
  let startAt: unknown;
  do {
    let query = ApiKeyItem.query('pk').eq(apiKeyKeys.pk(sub)).where('sk').beginsWith(apiKeyKeys.prefix);
    if (startAt) query = query.startAt(startAt as never);
    const page = await query.exec();
    items.push(...page.map((item) => plain<KeyItemRecord>(item)));
    startAt = page.lastKey;
  } while (startAt);
  return keysFromItems(items, now);
}
