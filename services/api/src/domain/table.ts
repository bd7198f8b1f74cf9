// The Dynamoose models, set up once per cold start on the shared raw client (dynamodb.ts).
import * as dynamoose from 'dynamoose';
import { defineModels, type Models } from '@jotter/shared/server/models';
import { config } from '#config';
import { db } from './dynamodb';

let models: Models | undefined;

export function tableModels(): Models {
  if (!models) {
    dynamoose.aws.ddb.set(db().client);
    models = defineModels(config().tableName);
  }
  return models;
}

export { db } from './dynamodb';
export { cancellationReasons, cancelledItem, isConditionFailure, retryingConflicts } from './ddb-errors';
