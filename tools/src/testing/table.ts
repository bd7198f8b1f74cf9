// Direct access to the local stack's table, for tests that must set up what no route can (a quota
// counter near its limit, an item written by an older release) or check what a route wrote.
import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../stack/config';
import type { StackInfo } from './stack';

export type StoredItem = Record<string, AttributeValue>;
export interface ItemKey {
  pk: string;
  sk: string;
}

async function withClient<T>(stack: Pick<StackInfo, 'region' | 'dynamodbEndpoint'>, use: (db: DynamoDBClient) => Promise<T>): Promise<T> {
  const db = new DynamoDBClient({ region: stack.region, endpoint: stack.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
  try {
    return await use(db);
  } finally {
    db.destroy();
  }
}

const keyOf = ({ pk, sk }: ItemKey) => ({ pk: { S: pk }, sk: { S: sk } });

/** The item as stored (strongly consistent read), or undefined. */
export function getStoredItem(stack: StackInfo, key: ItemKey): Promise<StoredItem | undefined> {
  return withClient(stack, async (db) => (await db.send(new GetItemCommand({ TableName: stack.tableName, Key: keyOf(key), ConsistentRead: true }))).Item);
}

/** Writes the item under `key`, replacing any. */
export function putStoredItem(stack: StackInfo, key: ItemKey, attributes: StoredItem): Promise<void> {
  return withClient(stack, async (db) => {
    await db.send(new PutItemCommand({ TableName: stack.tableName, Item: { ...keyOf(key), ...attributes } }));
  });
}

/** Sets attributes of the item under `key` (creating it if absent). */
export function setStoredAttributes(stack: StackInfo, key: ItemKey, attributes: StoredItem): Promise<void> {
  const names = Object.keys(attributes);
  return withClient(stack, async (db) => {
    await db.send(
      new UpdateItemCommand({
        TableName: stack.tableName,
        Key: keyOf(key),
        UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, attributes[name]!])),
      }),
    );
  });
}

/** The items of a partition whose sort key starts with `prefix` (strongly consistent, first page). */
export function queryStoredItems(stack: StackInfo, pk: string, prefix: string): Promise<StoredItem[]> {
  return withClient(stack, async (db) => {
    const result = await db.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': { S: pk }, ':prefix': { S: prefix } },
        ConsistentRead: true,
      }),
    );
    return result.Items ?? [];
  });
}
