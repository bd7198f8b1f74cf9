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
import { dynamoDb, isConditionFailure } from './dynamodb';
import { NoteIndex } from './search-index';
import { s3Client } from './storage';

export type Manifest = SearchManifestRecord;

/**
 * Milliseconds an index object may take to travel: the SDK's 1.5 s bound (aws.ts) is for small
 * requests, and a 10,000-note index is tens of MB.
 */
const transfer = { requestTimeout: 15_000 };

export class CorruptIndexError extends Error {
  override name = 'CorruptIndexError';
}

const db = () => ({ client: dynamoDb(), TableName: config().tableName });

const manifestKey = (sub: string) => marshall({ pk: searchKeys.pk(sub), sk: searchKeys.sk });

/** The user's manifest, read strongly consistently (a write's 2xx is followed by its index). */
export async function readManifest(sub: string): Promise<Manifest | undefined> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: manifestKey(sub), ConsistentRead: true });
  return result.Item ? (unmarshall(result.Item) as Manifest) : undefined;
}

/**
 * Indexes held by this process, by user, with the version they are of, least recently used first.
 * Bounded by their notes: a loaded index of 10,000 notes of ~1 KB takes ~150 MB of heap
 * (docs/search.md), and the functions have 1 GB. The newest is always kept.
 */
const maxCachedDocuments = 30_000;
const cache = new Map<string, { version: number; index: NoteIndex }>();

function remember(sub: string, version: number, index: NoteIndex): void {
  cache.delete(sub);
  cache.set(sub, { version, index });
  let held = [...cache.values()].reduce((sum, entry) => sum + entry.index.size, 0);
  for (const [user, entry] of cache) {
    if (held <= maxCachedDocuments || user === sub) break;
    cache.delete(user);
    held -= entry.index.size;
  }
}

/** Forgets the held index (after a caller changed it in place without saving it). */
export function forget(sub: string): void {
  cache.delete(sub);
}

/** The index the manifest names: from memory when it is that version, else from S3. */
export async function loadIndex(sub: string, manifest: Manifest): Promise<NoteIndex> {
  if (!manifest.objectKey || manifest.version === undefined) throw new CorruptIndexError('The manifest names no index object');
  const held = cache.get(sub);
  if (held && held.version === manifest.version) return held.index;
  const { s3, sdk } = await s3Client();
  let text: string;
  try {
    const object = await s3.send(new sdk.GetObjectCommand({ Bucket: config().searchBucket, Key: manifest.objectKey }), transfer);
    text = (await object.Body?.transformToString()) ?? '';
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchKey') throw new CorruptIndexError(`Index object ${manifest.objectKey} is missing`);
    throw error;
  }
  let index: NoteIndex;
  try {
    index = NoteIndex.fromJSON(JSON.parse(text));
  } catch (error) {
    throw new CorruptIndexError(`Index object ${manifest.objectKey} is unreadable: ${(error as Error).message}`);
  }
  remember(sub, manifest.version, index);
  return index;
}

/**
 * Saves `index` as the version after `base` (undefined: the user has no manifest yet). False when
 * another writer moved the manifest first: nothing of this write remains, start again.
 */
export async function commitIndex(sub: string, base: Manifest | undefined, index: NoteIndex): Promise<boolean> {
  // A manifest made by a repair request before any index existed has no version yet.
  const version = (base?.version ?? 0) + 1;
  const objectKey = searchKeys.objectKey(sub, version, randomUUID());
  const body = JSON.stringify(index);
  const { s3, sdk } = await s3Client();
  const Bucket = config().searchBucket;
  await s3.send(new sdk.PutObjectCommand({ Bucket, Key: objectKey, Body: body, ContentType: 'application/json' }), transfer);
  const { client, TableName } = db();
  const manifest: Manifest = { pk: searchKeys.pk(sub), sk: searchKeys.sk, type: 'searchManifest', version, objectKey, documents: index.size, bytes: Buffer.byteLength(body), updatedAt: new Date().toISOString() };
  try {
    await client.putItem({
      TableName,
      Item: marshall(manifest),
      // A repair request on the base version is answered by this write, a request made since is not.
      ConditionExpression: base?.version ? 'version = :version' : 'attribute_not_exists(version)',
      ...(base?.version ? { ExpressionAttributeValues: marshall({ ':version': base.version }) } : {}),
    });
  } catch (error) {
    await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: objectKey }));
    if (isConditionFailure(error)) return false;
    throw error;
  }
  remember(sub, version, index);
  // Readers that read the old manifest a moment ago may still be loading the old object: it goes
  // one version later, with any a crashed writer left behind.
  const stale = base?.objectKey ? await previousObjectKeys(sub, objectKey, base.objectKey) : [];
  await Promise.all(stale.map((Key) => s3.send(new sdk.DeleteObjectCommand({ Bucket, Key }))));
  return true;
}

/** The user's index objects other than the current and the previous one. */
async function previousObjectKeys(sub: string, current: string, previous: string): Promise<string[]> {
  const { s3, sdk } = await s3Client();
  const listed = await s3.send(new sdk.ListObjectsV2Command({ Bucket: config().searchBucket, Prefix: `search/${sub}/`, MaxKeys: 20 }));
  return (listed.Contents ?? []).map((object) => object.Key!).filter((key) => key !== current && key !== previous);
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
