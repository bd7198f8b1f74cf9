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

export { cancellationReasons, isConditionFailure } from './ddb-errors';
