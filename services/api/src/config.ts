// Configuration comes from the function's environment (services/api/serverless.yml), read and
// validated once per cold start. A missing variable fails the first request loudly, naming it.
export interface Config {
  region: string;
  tableName: string;
  attachmentsBucket: string;
  webOrigin: string;
  cognitoIssuer: string;
  cognitoClientId: string;
  /** Emulator endpoints for the local stack; undefined on AWS. */
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  cognitoEndpoint?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`Missing environment variable ${name}`);
  return value;
}

function optionalUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (!/^https?:\/\//.test(value)) throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    tableName: required(env, 'TABLE_NAME'),
    attachmentsBucket: required(env, 'ATTACHMENTS_BUCKET'),
    webOrigin: required(env, 'WEB_ORIGIN'),
    cognitoIssuer: required(env, 'COGNITO_ISSUER'),
    cognitoClientId: required(env, 'COGNITO_CLIENT_ID'),
    dynamodbEndpoint: optionalUrl(env, 'DYNAMODB_ENDPOINT'),
    s3Endpoint: optionalUrl(env, 'S3_ENDPOINT'),
    cognitoEndpoint: optionalUrl(env, 'COGNITO_ENDPOINT'),
  };
}

let cached: Config | undefined;

/** The process's configuration, read on first use. */
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
