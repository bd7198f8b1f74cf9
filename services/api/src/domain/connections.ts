// The table side of live sync's WebSocket connections (key layout in models.ts): two items per open
// connection, the owner's (fan-out lists a user's connections with one Query) and the connection's
// own (what $disconnect and $default, which know only the connection id, read). Both expire: a
// disconnect that never arrives leaves nothing behind for long.
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { connectionKeys } from '@jotter/shared/server/keys';
import { db, queryAll } from './dynamodb';
import { isConditionFailure } from './ddb-errors';

/** API Gateway ends every WebSocket connection after 2 hours; the items outlive it a little. */
export const connectionLifetimeSeconds = 2 * 60 * 60 + 10 * 60;

export interface Connection {
  connectionId: string;
  /** The access token's expiry (seconds since the epoch): past it, the connection is closed. */
  tokenExp: number;
}

export async function saveConnection(sub: string, connection: Connection, nowMs = Date.now()): Promise<void> {
  const { client, TableName } = db();
  const expiresAt = Math.floor(nowMs / 1000) + connectionLifetimeSeconds;
  const { connectionId, tokenExp } = connection;
  await client.transactWriteItems({
    TransactItems: [
      { Put: { TableName, Item: marshall({ pk: connectionKeys.pk(sub), sk: connectionKeys.sk(connectionId), type: 'connection', connectionId, tokenExp, expiresAt }) } },
      { Put: { TableName, Item: marshall({ pk: connectionKeys.byIdPk(connectionId), sk: connectionKeys.byIdSk, type: 'connection', ownerId: sub, window: 0, messages: 0, expiresAt }) } },
    ],
  });
}

/** Removes both items of a connection; its owner, or undefined when it was already gone. */
export async function removeConnection(connectionId: string, knownOwner?: string): Promise<string | undefined> {
  const { client, TableName } = db();
  const old = await client.deleteItem({
    TableName,
    Key: marshall({ pk: connectionKeys.byIdPk(connectionId), sk: connectionKeys.byIdSk }),
    ReturnValues: 'ALL_OLD',
  });
  const owner = knownOwner ?? (old.Attributes ? (unmarshall(old.Attributes).ownerId as string | undefined) : undefined);
  if (owner) await client.deleteItem({ TableName, Key: marshall({ pk: connectionKeys.pk(owner), sk: connectionKeys.sk(connectionId) }) });
  return owner;
}

/** The user's open connections (expired items that TTL has not removed yet left out). */
export async function connectionsOf(sub: string, nowMs = Date.now()): Promise<Connection[]> {
  const items = await queryAll<Connection & { expiresAt: number }>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: marshall({ ':pk': connectionKeys.pk(sub), ':prefix': connectionKeys.prefix }),
    ProjectionExpression: 'connectionId, tokenExp, expiresAt',
    ConsistentRead: true,
  });
  return items.filter((item) => item.expiresAt * 1000 > nowMs).map(({ connectionId, tokenExp }) => ({ connectionId, tokenExp }));
}

/**
 * Counts one message of a connection in its one-second window: false when the window already
 * holds `limit` messages (or the connection is gone). Two conditional updates at most, no read.
 */
export async function countMessage(connectionId: string, limit: number, nowMs = Date.now()): Promise<boolean> {
  const { client, TableName } = db();
  const second = Math.floor(nowMs / 1000);
  const update = async (UpdateExpression: string, ConditionExpression: string, values: Record<string, number>) => {
    try {
      await client.updateItem({
        TableName,
        Key: marshall({ pk: connectionKeys.byIdPk(connectionId), sk: connectionKeys.byIdSk }),
        UpdateExpression,
        ConditionExpression,
        ExpressionAttributeNames: { '#window': 'window' },
        ExpressionAttributeValues: marshall({ ':one': 1, ':second': second, ...values }),
      });
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  };
  return (
    (await update('ADD messages :one', '#window = :second AND messages < :limit', { ':limit': limit })) ||
    // A new window (or the first message): start counting again.
    (await update('SET #window = :second, messages = :one', 'attribute_exists(pk) AND #window <> :second', {}))
  );
}
