// Where a user's search index lives: one immutable JSON object per version in the search bucket
// (`search/<sub>/<version>-<writer>.json`) and one manifest item in the table naming the current
// one. Readers read the manifest (one GetItem) and use the index they hold in memory for that
// version, or load it. Writers write a new object, then move the manifest from the version they
// started from to the next with a conditional write: a concurrent writer's update is never
// overwritten, the loser starts again from the winner's index.
import { randomUUID } from 'node:crypto';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { searchKeys } from '@jotter/shared/server/keys';
import type { SearchManifestRecord } from '@jotter/shared/server/models';
import { config } from '#config';
import { isConditionFailure } from './ddb-errors';
import { db } from './dynamodb';
import { NoteIndex, type SearchDocument } from './search-index';
import { deleteObjectsUnder, s3Client } from './storage';

export type Manifest = SearchManifestRecord;

/**
 * Milliseconds an index object may take to travel: the SDK's 1.5 s bound (aws.ts) is for small
 * requests, and a 10,000-note index is tens of MB.
 */
const transfer = { requestTimeout: 15_000 };

export class CorruptIndexError extends Error {
  override name = 'CorruptIndexError';
}

const manifestKey = (sub: string) => marshall({ pk: searchKeys.pk(sub), sk: searchKeys.sk });

/** The user's manifest, read strongly consistently (a write's 2xx is followed by its index). */
export async function readManifest(sub: string): Promise<Manifest | undefined> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: manifestKey(sub), ConsistentRead: true });
  return result.Item ? (unmarshall(result.Item) as Manifest) : undefined;
}

/** A change of one note in a delta: its document now (null: no longer searchable), and the manifest version that made it. */
export interface IndexChange {
  id: string;
  v: number;
  document: SearchDocument | null;
}

/**
 * Changes collected in a delta before the indexer folds them into a new base object: a write
 * then costs a small object, not the whole index (a 10,000-note index is tens of MB to rewrite).
 */
export const maxDeltaChanges = 200;

interface Held {
  objectKey: string;
  /** The manifest version the held index is up to date with (its base plus the delta's changes to it). */
  version: number;
  index: NoteIndex;
}

/**
 * Indexes held by this process, by user, least recently used first. Bounded by their notes: a
 * loaded index of 10,000 notes of ~1 KB takes ~150 MB of heap (docs/search.md), and the functions
 * have 1 GB. The newest is always kept.
 */
const maxCachedDocuments = 30_000;
const cache = new Map<string, Held>();

function remember(sub: string, held: Held): void {
  cache.delete(sub);
  cache.set(sub, held);
  let documents = [...cache.values()].reduce((sum, entry) => sum + entry.index.size, 0);
  for (const [user, entry] of cache) {
    if (documents <= maxCachedDocuments || user === sub) break;
    cache.delete(user);
    documents -= entry.index.size;
  }
}

/** Deletes every object of the user's index (account deletion; the manifest goes with their partition). */
export async function deleteIndexObjects(sub: string): Promise<void> {
  forget(sub);
  await deleteObjectsUnder(searchKeys.prefix(sub), config().searchBucket);
}

/** Deletes the user's manifest and index objects (an indexer's commit that raced the account's deletion). */
export async function deleteIndex(sub: string): Promise<void> {
  const { client, TableName } = db();
  await client.deleteItem({ TableName, Key: manifestKey(sub) });
  await deleteIndexObjects(sub);
}

/** Forgets the held index (after a caller changed it in place without saving it). */
export function forget(sub: string): void {
  cache.delete(sub);
}

/** An object of the search bucket as text; CorruptIndexError when it is missing. */
async function readObject(key: string): Promise<string> {
  const { s3, sdk } = await s3Client();
  try {
    const object = await s3.send(new sdk.GetObjectCommand({ Bucket: config().searchBucket, Key: key }), transfer);
    return (await object.Body?.transformToString()) ?? '';
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchKey') throw new CorruptIndexError(`Index object ${key} is missing`);
    throw error;
  }
}

/** The changes of the manifest's delta since its base (none without one). */
export async function readDelta(manifest: Manifest): Promise<IndexChange[]> {
  if (!manifest.deltaKey) return [];
  const text = await readObject(manifest.deltaKey);
  try {
    const { changes } = JSON.parse(text) as { changes: IndexChange[] };
    if (!Array.isArray(changes)) throw new Error('no changes');
    return changes;
  } catch (error) {
    throw new CorruptIndexError(`Delta object ${manifest.deltaKey} is unreadable: ${(error as Error).message}`);
  }
}

/** Applies changes to an index, in order. */
export function applyChanges(index: NoteIndex, changes: IndexChange[], log: (noteId: string) => void): void {
  for (const change of changes) {
    if (!change.document) index.remove(change.id);
    else if (!index.put(change.document)) log(change.id);
  }
}

/**
 * The index the manifest names: its base object (from memory when held) with the delta's changes
 * the held copy has not seen yet.
 */
export async function loadIndex(sub: string, manifest: Manifest, onFull: (noteId: string) => void = () => {}): Promise<NoteIndex> {
  if (!manifest.objectKey || manifest.version === undefined) throw new CorruptIndexError('The manifest names no index object');
  let held = cache.get(sub);
  if (held?.objectKey !== manifest.objectKey) {
    const text = await readObject(manifest.objectKey);
    try {
      held = { objectKey: manifest.objectKey, version: manifest.baseVersion ?? manifest.version, index: NoteIndex.fromJSON(JSON.parse(text)) };
    } catch (error) {
      throw new CorruptIndexError(`Index object ${manifest.objectKey} is unreadable: ${(error as Error).message}`);
    }
  }
  if (held.version < manifest.version) {
    const since = held.version;
    applyChanges(held.index, (await readDelta(manifest)).filter((change) => change.v > since), onFull);
    held.version = manifest.version;
  }
  remember(sub, held);
  return held.index;
}

/** Moves the manifest from `base` to `next` (a conditional write); false when another writer moved it first. */
async function moveManifest(base: Manifest | undefined, next: Manifest): Promise<boolean> {
  const { client, TableName } = db();
  try {
    await client.putItem({
      TableName,
      Item: marshall(next, { removeUndefinedValues: true }),
      // A repair request on the base version is answered by this write, a request made since is not.
      ConditionExpression: base?.version ? 'version = :version' : 'attribute_not_exists(version)',
      ...(base?.version ? { ExpressionAttributeValues: marshall({ ':version': base.version }) } : {}),
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Writes an object; on a lost race the caller deletes it again. */
async function writeObject(key: string, body: string): Promise<void> {
  const { s3, sdk } = await s3Client();
  await s3.send(new sdk.PutObjectCommand({ Bucket: config().searchBucket, Key: key, Body: body, ContentType: 'application/json' }), transfer);
}

async function deleteObjects(keys: string[]): Promise<void> {
  const { s3, sdk } = await s3Client();
  await Promise.all(keys.map((Key) => s3.send(new sdk.DeleteObjectCommand({ Bucket: config().searchBucket, Key }))));
}

/**
 * Saves `index` as a new base, the version after `base` (undefined: the user has no manifest
 * yet), without a delta. False when another writer moved the manifest first: nothing of this write
 * remains, start again.
 */
export async function commitIndex(sub: string, base: Manifest | undefined, index: NoteIndex): Promise<boolean> {
  // A manifest made by a repair request before any index existed has no version yet.
  const version = (base?.version ?? 0) + 1;
  const objectKey = searchKeys.objectKey(sub, version, randomUUID());
  const body = JSON.stringify(index);
  await writeObject(objectKey, body);
  const next: Manifest = { pk: searchKeys.pk(sub), sk: searchKeys.sk, type: 'searchManifest', version, baseVersion: version, objectKey, documents: index.size, bytes: Buffer.byteLength(body), updatedAt: new Date().toISOString() };
  if (!(await moveManifest(base, next))) {
    await deleteObjects([objectKey]);
    return false;
  }
  remember(sub, { objectKey, version, index });
  await deleteStale(sub, [objectKey, base?.objectKey, base?.deltaKey]);
  return true;
}

/**
 * Saves `changes` (the delta's, then the new ones) as the delta of the base `base` names, the
 * version after it; `index` is the base with all of them applied. False when another writer moved
 * the manifest first.
 */
export async function commitDelta(sub: string, base: Manifest, changes: IndexChange[], index: NoteIndex): Promise<boolean> {
  const version = base.version! + 1;
  const deltaKey = searchKeys.deltaKey(sub, version, randomUUID());
  await writeObject(deltaKey, JSON.stringify({ changes }));
  const next: Manifest = { ...base, version, deltaKey, documents: index.size, updatedAt: new Date().toISOString() };
  if (!(await moveManifest(base, next))) {
    await deleteObjects([deltaKey]);
    return false;
  }
  // `index` is the base with every change of the delta: the held copy of this version.
  remember(sub, { objectKey: base.objectKey!, version, index });
  await deleteStale(sub, [base.objectKey, deltaKey, base.deltaKey]);
  return true;
}

/**
 * Readers that read the previous manifest a moment ago may still be loading its objects: they go
 * one version later, with any a crashed writer left behind.
 */
async function deleteStale(sub: string, keep: (string | undefined)[]): Promise<void> {
  const { s3, sdk } = await s3Client();
  const listed = await s3.send(new sdk.ListObjectsV2Command({ Bucket: config().searchBucket, Prefix: searchKeys.prefix(sub), MaxKeys: 50 }));
  await deleteObjects((listed.Contents ?? []).map((object) => object.Key!).filter((key) => !keep.includes(key)));
}

/**
 * Asks the indexer to rebuild the user's index (it is missing or unreadable): a flag on the
 * manifest, which the table's stream delivers to the indexer. Set once: an outstanding request
 * is not repeated by every search until it is answered.
 */
export async function requestRepair(sub: string, manifest: Manifest | undefined): Promise<void> {
  const { client, TableName } = db();
  try {
    await client.updateItem({
      TableName,
      Key: manifestKey(sub),
      UpdateExpression: 'SET repairRequested = :yes, #type = :type, updatedAt = :now',
      ConditionExpression: manifest?.version ? 'version = :version AND attribute_not_exists(repairRequested)' : 'attribute_not_exists(version) AND attribute_not_exists(repairRequested)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: marshall({ ':yes': true, ':type': 'searchManifest', ':now': new Date().toISOString(), ...(manifest?.version ? { ':version': manifest.version } : {}) }),
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
