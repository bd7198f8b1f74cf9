// The DynamoDB client and the Dynamoose models, set up once per cold start.
import * as dynamoose from 'dynamoose';
import { defineModels, type Models } from '@jotter/shared/server/models';
import { config } from '#config';
import { dynamoDb } from './dynamodb';

let models: Models | undefined;

export function tableModels(): Models {
  if (!models) {
    dynamoose.aws.ddb.set(dynamoDb());
    models = defineModels(config().tableName);
  }
  return models;
}

export { isConditionFailure } from './dynamodb';

interface CancellationReason {
  Code?: string;
}

/** The reason codes of a cancelled transaction, one per item, or undefined for other errors. */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}
