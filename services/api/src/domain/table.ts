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

/** The raw DynamoDB client (after the models set it up) and the table, for hand-written expressions. */
export function db() {
  tableModels();
  return { client: dynamoose.aws.ddb(), TableName: config().tableName };
}

export { cancellationReasons, cancelledItem, isConditionFailure, retryingConflicts } from './ddb-errors';
