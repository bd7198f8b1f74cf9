// Configuration comes from the function's environment (services/api/serverless.yml), read and
// validated once per cold start. A missing variable fails the first request loudly, naming it.
export interface Config {
  region: string;
  tableName: string;
  attachmentsBucket: string;
  /** Per-user search indexes (domain/search-store.ts). */
  searchBucket: string;
  /** The one browser origin allowed by CORS; undefined when the API is served on the site's own origin. */
  webOrigin?: string;
  cognitoIssuer: string;
  cognitoClientId: string;
  /** Emulator endpoints for the local stack; undefined on AWS. */
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  cognitoEndpoint?: string;
  /** Lambda's invoke API: serverless-offline's locally; undefined on AWS. */
  lambdaEndpoint?: string;
  /** The export function, invoked asynchronously by POST /exports. */
  exportFunctionName?: string;
  /** Requests per API key and UTC day on /v1, counted and enforced by our code (domain/keys.ts). */
  apiKeyDailyQuota: number;
  /** Per-user quotas (domain/quotas.ts): the limit of each counter. */
  quotas: QuotaLimits;
  /**
   * The API Gateway usage plan that run-time API keys are attached to (AWS). Unset locally
   * (GATEWAY_API_KEYS=false), where there is no API Gateway control plane: keys live in DynamoDB only.
   */
  usagePlanName?: string;
}

export interface QuotaLimits {
  /** Notes a user may have, trash included. */
  notes: number;
  /** Bytes of attachments a user may have, counted at their declared size from the upload request on. */
  attachmentBytes: number;
  /** API keys a user may create per UTC day (revoking does not give one back). */
  keyCreations: number;
  /** /v1 requests per user and UTC day, all their keys together. */
  v1Requests: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`Missing environment variable ${name}`);
  return value;
}

/** An http(s) URL from the environment, or undefined when unset. */
export function optionalUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (!/^https?:\/\//.test(value)) throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    tableName: required(env, 'TABLE_NAME'),
    attachmentsBucket: required(env, 'ATTACHMENTS_BUCKET'),
    searchBucket: required(env, 'SEARCH_BUCKET'),
    webOrigin: env.WEB_ORIGIN || undefined,
    cognitoIssuer: required(env, 'COGNITO_ISSUER'),
    cognitoClientId: required(env, 'COGNITO_CLIENT_ID'),
    dynamodbEndpoint: optionalUrl(env, 'DYNAMODB_ENDPOINT'),
    s3Endpoint: optionalUrl(env, 'S3_ENDPOINT'),
    cognitoEndpoint: optionalUrl(env, 'COGNITO_ENDPOINT'),
    lambdaEndpoint: optionalUrl(env, 'LAMBDA_ENDPOINT'),
    exportFunctionName: env.EXPORT_FUNCTION_NAME || undefined,
    apiKeyDailyQuota: positiveInt(env, 'API_KEY_DAILY_QUOTA', 1000),
    quotas: {
      notes: positiveInt(env, 'NOTE_QUOTA', 10_000),
      attachmentBytes: positiveInt(env, 'ATTACHMENT_BYTES_QUOTA', 1024 ** 3),
      keyCreations: positiveInt(env, 'KEY_CREATION_DAILY_QUOTA', 50),
      v1Requests: positiveInt(env, 'V1_USER_DAILY_QUOTA', 10_000),
    },
    usagePlanName: env.GATEWAY_API_KEYS === 'true' ? env.USAGE_PLAN_NAME || undefined : undefined,
  };
}

let cached: Config | undefined;

/** The process's configuration, read on first use. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
