// API Gateway (REST, v1 payload)–shaped events, as serverless-offline and API Gateway send them.
import type { StackInfo } from '@jotter/tools/testing/stack';

export interface EventInput {
  method: string;
  /** Resource template, e.g. /notes/{noteId}. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A binary body (POST /imports), delivered base64-encoded as API Gateway does for a binary media type. */
  binary?: { bytes: Buffer; contentType: string };
  headers?: Record<string, string>;
  /** requestContext.authorizer: `{ sub, exp }` for user routes, `{ sub, keyId }` for /v1. */
  authorizer?: Record<string, string | number>;
}

export function apiEvent(input: EventInput) {
  let path = input.resource;
  for (const [k, v] of Object.entries(input.pathParameters ?? {})) path = path.replace(`{${k}}`, v);
  const body = input.binary ? input.binary.bytes.toString('base64') : input.body === undefined ? null : JSON.stringify(input.body);
  const contentType = input.binary ? input.binary.contentType : 'application/json';
  return {
    resource: input.resource,
    path,
    httpMethod: input.method,
    headers: { ...(body ? { 'content-type': contentType } : {}), ...input.headers },
    multiValueHeaders: {},
    queryStringParameters: input.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      httpMethod: input.method,
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: 'bench',
      requestTimeEpoch: Date.now(),
      resourceId: 'bench',
      resourcePath: input.resource,
      stage: 'prod',
      identity: { sourceIp: '127.0.0.1', userAgent: 'bench' },
      authorizer: input.authorizer ?? null,
    },
    body,
    isBase64Encoded: Boolean(input.binary),
  };
}

export const userAuthorizer = (sub: string) => ({ sub, exp: Math.floor(Date.now() / 1000) + 3600 });

/** The environment the api's functions read (services/api/src/config.ts), pointed at a local stack. */
export function functionEnv(stack: StackInfo): Record<string, string> {
  return {
    AWS_REGION: stack.region,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    TABLE_NAME: stack.tableName,
    ATTACHMENTS_BUCKET: stack.attachmentsBucket,
    SEARCH_BUCKET: stack.searchBucket,
    WEB_ORIGIN: stack.webUrl,
    COGNITO_ISSUER: stack.userPoolIssuer,
    COGNITO_CLIENT_ID: stack.userPoolClientId,
    DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
    S3_ENDPOINT: stack.s3Endpoint,
    COGNITO_ENDPOINT: stack.cognitoEndpoint,
    LAMBDA_ENDPOINT: stack.lambdaEndpoint,
    EXPORT_FUNCTION_NAME: 'jotter-api-dev-exportNotes',
    API_KEY_DAILY_QUOTA: '1000000',
    V1_USER_DAILY_QUOTA: '1000000',
    // No API Gateway control plane locally: keys live in DynamoDB only.
    USAGE_PLAN_NAME: '',
  };
}
