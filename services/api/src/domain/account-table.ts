// Table access for account deletion, with the raw DynamoDB client: the token authorizer reads the
// deletion marker and stays free of Dynamoose. Keys: models.ts.
import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { accountKeys, type AccountDeletionRecord } from '@jotter/shared/server/account-keys';
import { db } from './dynamodb';
import { isConditionFailure } from './ddb-errors';

const markerKey = (sub: string) => marshall({ pk: accountKeys.deletionPk(sub), sk: accountKeys.deletionSk });

/** Long enough for every access token issued before the deletion (1 h) and any retry to pass. */
const MARKER_LIFETIME_SECONDS = 24 * 3600;

/** Whether the account is being deleted or was deleted (a strongly consistent read). */
export async function readDeletionState(sub: string): Promise<AccountDeletionRecord['state'] | undefined> {
  const { client, TableName } = db();
  const { Item } = await client.getItem({ TableName, Key: markerKey(sub), ConsistentRead: true, ProjectionExpression: '#state', ExpressionAttributeNames: { '#state': 'state' } });
  return Item ? (unmarshall(Item) as Pick<AccountDeletionRecord, 'state'>).state : undefined;
}

/** Marks the account as being deleted (from then on its tokens may only finish the deletion); a retry keeps the first mark. */
export async function markDeleting(sub: string, now: Date): Promise<void> {
  const { client, TableName } = db();
  const record: AccountDeletionRecord = {
    pk: accountKeys.deletionPk(sub),
    sk: accountKeys.deletionSk,
    type: 'accountDeletion',
    state: 'deleting',
    startedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + MARKER_LIFETIME_SECONDS,
  };
  await client.putItem({ TableName, Item: marshall(record), ConditionExpression: 'attribute_not_exists(pk)' }).catch((error: unknown) => {
    if (!isConditionFailure(error)) throw error;
  });
}

export async function markDeleted(sub: string): Promise<void> {
  const { client, TableName } = db();
  await client.updateItem({ TableName, Key: markerKey(sub), UpdateExpression: 'SET #state = :deleted', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: marshall({ ':deleted': 'deleted' }) });
}

/** What deleting an item of the user's partition needs to know about it. */
export interface PartitionItem {
  pk: string;
  sk: string;
  type?: string;
  /** Share items: their token item lives in another partition. */
  tokenHash?: string;
  /** API keys on AWS: the API Gateway key to delete with it. */
  gatewayKeyId?: string;
}

/** The first page of whatever is left in a partition (deleting the page moves on to the next). */
export async function firstPage(pk: string, limit: number): Promise<PartitionItem[]> {
  const { client, TableName } = db();
  const { Items = [] } = await client.query({
    TableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: marshall({ ':pk': pk }),
    ProjectionExpression: 'pk, sk, #type, tokenHash, gatewayKeyId',
    ExpressionAttributeNames: { '#type': 'type' },
    ConsistentRead: true,
    Limit: limit,
  });
  return Items.map((item) => unmarshall(item) as PartitionItem);
}

/** Deletes items by key, 25 to a BatchWriteItem (its limit), retrying what DynamoDB left unprocessed. */
export async function deleteItems(keys: readonly { pk: string; sk: string }[]): Promise<void> {
  const { client, TableName } = db();
  for (let start = 0; start < keys.length; start += 25) {
    let requests: WriteRequest[] = keys.slice(start, start + 25).map(({ pk, sk }) => ({ DeleteRequest: { Key: marshall({ pk, sk }) } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      if (attempt > 8) throw new Error('DynamoDB kept deletions unprocessed');
      const { UnprocessedItems } = await client.batchWriteItem({ RequestItems: { [TableName]: requests } });
      requests = UnprocessedItems?.[TableName] ?? [];
    }
  }
}
