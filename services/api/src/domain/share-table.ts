// Table access for share links, with the raw DynamoDB client: the public share function stays
// free of Dynamoose (its bundle carries the Markdown renderer instead). Keys: server/keys.ts.
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { NoteRecord, ShareRecord, ShareTokenRecord } from '@jotter/shared/server/models';
import { noteKeys, shareKeys } from '@jotter/shared/server/keys';
import { LimitExceededError, NotFoundError } from './errors';
import { cancellationReasons, isConditionFailure, retryingConflicts } from './ddb-errors';
import { db, queryAll } from './dynamodb';

const item = (value: object) => marshall(value, { removeUndefinedValues: true });
const noteKey = (sub: string, noteId: string) => item({ pk: shareKeys.pk(sub), sk: noteKeys.sk(noteId) });
const tokenKey = (tokenHash: string) => item({ pk: shareKeys.tokenPk(tokenHash), sk: shareKeys.tokenSk });

const transact = (writes: TransactWriteItem[]) => retryingConflicts(() => db().client.transactWriteItems({ TransactItems: writes }));

/**
 * Writes a new link in one transaction: the note must be active and its `shareCount` below `max`
 * (so parallel creations cannot pass it; the count goes up in the same write), and the owner's
 * record and the token's item appear.
 */
export async function insertShare(sub: string, share: ShareRecord, token: ShareTokenRecord, max: number): Promise<void> {
  const { client, TableName } = db();
  try {
    await transact([
      {
        Update: {
          TableName,
          Key: noteKey(sub, share.noteId),
          UpdateExpression: 'ADD #count :one',
          ConditionExpression: '#state = :active AND (attribute_not_exists(#count) OR #count < :max)',
          ExpressionAttributeNames: { '#state': 'state', '#count': 'shareCount' },
          ExpressionAttributeValues: item({ ':one': 1, ':active': 'active', ':max': max }),
        },
      },
      { Put: { TableName, Item: item(share), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName, Item: item(token), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
  } catch (error) {
    if (cancellationReasons(error)?.[0] !== 'ConditionalCheckFailed') throw error;
    // Refused: no such active note, or the limit. Which one is read only on this path.
    const found = await client.getItem({ TableName, Key: noteKey(sub, share.noteId), ConsistentRead: true, ProjectionExpression: '#state', ExpressionAttributeNames: { '#state': 'state' } });
    if (found.Item && unmarshall(found.Item).state === 'active') throw new LimitExceededError(`A note can have at most ${max} links; revoke one first`);
    throw new NotFoundError('Note');
  }
}

/**
 * A note's links (one Query) with their views, which the token items hold, and the note's state
 * (one BatchGetItem for both); undefined when the caller has no such active note.
 */
export async function findShares(sub: string, noteId: string): Promise<{ share: ShareRecord; views: number }[] | undefined> {
  const { client, TableName } = db();
  const shares = await queryAll<ShareRecord>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: item({ ':pk': shareKeys.pk(sub), ':prefix': shareKeys.notePrefix(noteId) }),
  });
  // At most 20 live links per note: one BatchGetItem (limit 100 keys), retried for unprocessed
  // keys (throttling). A token item that is gone (TTL after expiry) has no more views to report.
  const found = new Map<string, { state?: string; views?: number }>();
  let keys = [noteKey(sub, noteId), ...shares.map((s) => tokenKey(s.tokenHash))];
  for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
    const result = await client.batchGetItem({
      RequestItems: { [TableName]: { Keys: keys, ProjectionExpression: 'pk, sk, #state, #views', ExpressionAttributeNames: { '#state': 'state', '#views': 'views' } } },
    });
    for (const raw of result.Responses?.[TableName] ?? []) {
      const record = unmarshall(raw) as { pk: string; sk: string; state?: string; views?: number };
      found.set(`${record.pk}|${record.sk}`, record);
    }
    keys = result.UnprocessedKeys?.[TableName]?.Keys ?? [];
  }
  if (found.get(`${shareKeys.pk(sub)}|${noteKeys.sk(noteId)}`)?.state !== 'active') return undefined;
  return shares.map((share) => ({ share, views: found.get(`${shareKeys.tokenPk(share.tokenHash)}|${shareKeys.tokenSk}`)?.views ?? 0 }));
}

/**
 * Deletes a link's two items and gives its slot back (the note's `shareCount`, trashed or not);
 * false when it was not there, or its note is gone for good (the link already answers 404).
 */
export async function removeShare(sub: string, noteId: string, shareId: string): Promise<boolean> {
  const { client, TableName } = db();
  const Key = item({ pk: shareKeys.pk(sub), sk: shareKeys.sk(noteId, shareId) });
  const found = await client.getItem({ TableName, Key, ConsistentRead: true });
  if (!found.Item) return false;
  const share = unmarshall(found.Item) as ShareRecord;
  try {
    await transact([
      { Delete: { TableName, Key, ConditionExpression: 'attribute_exists(pk)' } },
      { Delete: { TableName, Key: tokenKey(share.tokenHash) } },
      {
        Update: {
          TableName,
          Key: noteKey(sub, noteId),
          UpdateExpression: 'ADD #count :minusOne',
          ConditionExpression: '#count > :zero',
          ExpressionAttributeNames: { '#count': 'shareCount' },
          ExpressionAttributeValues: item({ ':minusOne': -1, ':zero': 0 }),
        },
      },
    ]);
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return false;
    throw error;
  }
}

/**
 * A public read of a link: counts the view and answers the token's item in one conditional
 * UpdateItem, or undefined when no live link has this hash (unknown, revoked or expired alike).
 */
export async function countView(tokenHash: string, nowSeconds: number): Promise<ShareTokenRecord | undefined> {
  const { client, TableName } = db();
  try {
    const result = await client.updateItem({
      TableName,
      Key: tokenKey(tokenHash),
      UpdateExpression: 'ADD #views :one',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#expiresAt) OR #expiresAt > :now)',
      ExpressionAttributeNames: { '#views': 'views', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: item({ ':one': 1, ':now': nowSeconds }),
      ReturnValues: 'ALL_NEW',
    });
    return result.Attributes ? (unmarshall(result.Attributes) as ShareTokenRecord) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The shared note as stored, read strongly consistently: a trash or restore counts at once. */
export async function findSharedNote(sub: string, noteId: string): Promise<NoteRecord | undefined> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: noteKey(sub, noteId), ConsistentRead: true });
  return result.Item ? (unmarshall(result.Item) as NoteRecord) : undefined;
}
