// The raw DynamoDB client, one per cold start. Dynamoose's models use it too (table.ts); code that
// needs no models (search) imports only this, keeping Dynamoose (~100 kB) out of its bundle.
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { config } from '#config';
import { awsClientConfig } from './aws';

let client: DynamoDB | undefined;

export function dynamoDb(): DynamoDB {
  client ??= new DynamoDB(awsClientConfig(config().dynamodbEndpoint));
  return client;
}

/** DynamoDB's answer when a write's condition does not hold (stale version, wrong state, exists). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
