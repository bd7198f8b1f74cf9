// Table access for exports, with the raw DynamoDB client: the export function streams notes into a
// ZIP and carries no Dynamoose. Keys: models.ts.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { NoteRecord } from '@jotter/shared/server/models';
import { exportKeys, type ExportRecord } from '@jotter/shared/server/export-keys';
import { db } from './dynamodb';

const key = (sub: string, exportId: string) => marshall({ pk: exportKeys.pk(sub), sk: exportKeys.sk(exportId) });

export async function insertExport(record: ExportRecord): Promise<void> {
  const { client, TableName } = db();
  await client.putItem({ TableName, Item: marshall(record), ConditionExpression: 'attribute_not_exists(pk)' });
}

export async function findExport(sub: string, exportId: string): Promise<ExportRecord | undefined> {
  const { client, TableName } = db();
  const { Item } = await client.getItem({ TableName, Key: key(sub, exportId), ConsistentRead: true });
  return Item ? (unmarshall(Item) as ExportRecord) : undefined;
}

export async function finishExport(sub: string, exportId: string, change: Pick<ExportRecord, 'status' | 'readyAt' | 'expiresAt'>): Promise<void> {
  const { client, TableName } = db();
  await client.updateItem({
    TableName,
    Key: key(sub, exportId),
    UpdateExpression: change.readyAt ? 'SET #status = :status, readyAt = :readyAt, expiresAt = :expiresAt' : 'SET #status = :status, expiresAt = :expiresAt',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: marshall({ ':status': change.status, ':expiresAt': change.expiresAt, ...(change.readyAt ? { ':readyAt': change.readyAt } : {}) }),
  });
}

/** Every active note of the user, a page (one Query) at a time: the caller holds one page at most. */
export async function* activeNotePages(sub: string, pageSize = 100): AsyncGenerator<NoteRecord[]> {
  const { client, TableName } = db();
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.query({
      TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :note)',
      FilterExpression: '#state = :active',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: marshall({ ':pk': exportKeys.pk(sub), ':note': 'NOTE#', ':active': 'active' }),
      Limit: pageSize,
      ExclusiveStartKey,
    });
    yield (page.Items ?? []).map((item) => unmarshall(item) as NoteRecord);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
