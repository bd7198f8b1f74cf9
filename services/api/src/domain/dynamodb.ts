// The raw DynamoDB client, one per cold start, and the table: every table module uses it, and
// Dynamoose's models too (table.ts). Code that needs no models (search, /v1, public shares)
// imports only this, keeping Dynamoose (~100 kB) out of its bundle.
import { DynamoDB, type AttributeValue, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from '#config';
import { awsClientConfig } from './aws';

let client: DynamoDB | undefined;

/** The client and the table, for hand-written expressions. */
export function db(): { client: DynamoDB; TableName: string } {
  const { dynamodbEndpoint, tableName } = config();
  client ??= new DynamoDB(awsClientConfig(dynamodbEndpoint));
  return { client, TableName: tableName };
}

/**
 * Every item a Query finds, unmarshalled: it follows LastEvaluatedKey past each 1 MB page (the
 * table modules' reads of all the items under a key prefix).
 */
export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
  const { client, TableName } = db();
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.query({ ...input, TableName, ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}) });
    items.push(...(page.Items ?? []).map((raw) => unmarshall(raw) as T));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
