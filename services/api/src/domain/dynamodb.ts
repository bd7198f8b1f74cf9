// The raw DynamoDB client, one per cold start, and the table: every table module uses it, and
// Dynamoose's models too (table.ts). Code that needs no models (search, /v1, public shares)
// imports only this, keeping Dynamoose (~100 kB) out of its bundle.
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { config } from '#config';
import { awsClientConfig } from './aws';

let client: DynamoDB | undefined;

/** The client and the table, for hand-written expressions. */
export function db(): { client: DynamoDB; TableName: string } {
  const { dynamodbEndpoint, tableName } = config();
  client ??= new DynamoDB(awsClientConfig(dynamodbEndpoint));
  return { client, TableName: tableName };
}
