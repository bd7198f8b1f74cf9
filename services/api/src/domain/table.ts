// The DynamoDB client and the Dynamoose models, set up once per cold start.
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { defineModels, type Models } from '@jotter/shared/server/models';
import { config } from '#config';
import { awsClientConfig } from './aws';

let models: Models | undefined;

export function tableModels(): Models {
  if (!models) {
    const { dynamodbEndpoint, tableName } = config();
    dynamoose.aws.ddb.set(new DynamoDB(awsClientConfig(dynamodbEndpoint)));
    models = defineModels(tableName);
  }
  return models;
}

/** DynamoDB's answer when a write's condition does not hold (stale version, wrong state, exists). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

interface CancellationReason {
  Code?: string;
}

/** The reason codes of a cancelled transaction, one per item, or undefined for other errors. */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}
