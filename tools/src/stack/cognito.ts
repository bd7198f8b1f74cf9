import fs from 'node:fs';
import path from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_CREDENTIALS, REGION } from './config';
import { spawnChild, waitUntil, type StackChild } from './child';
import type { StackLogger } from './logs';
import { refName, type CfnResource } from './definitions';

export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
}

export async function startCognito(opts: { port: number; dataDir: string; logger: StackLogger; track: (c: StackChild) => void }): Promise<StackChild> {
  const cwd = path.join(opts.dataDir, 'data', 'cognito');
  const configFile = path.join(cwd, '.cognito', 'config.json');
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  // cognito-local merges .cognito/config.json over defaults; a stored IssuerDomain from a run on
  // another port would win over PORT/HOST, so pin it to the port used now. Tokens' `iss` then
  // matches the issuer the API's authorizer is given.
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  } catch {
    // First start.
  }
  config.TokenConfig = { ...(config.TokenConfig as object | undefined), IssuerDomain: `http://127.0.0.1:${opts.port}` };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  const startJs = path.join(__dirname, 'cognito-local-start.cjs');
  // CODE is deliberately not set: real random confirmation codes are logged (and land in cognito.log).
  const env: NodeJS.ProcessEnv = { PORT: String(opts.port), HOST: '127.0.0.1', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' };
  // The emulator appends to cognito.log itself, synchronously, before it answers: a confirmation
  // code is in the file by the time SignUp returns, however busy this process is.
  const child = spawnChild(
    'cognito',
    process.execPath,
    [startJs],
    { cwd, env: { ...env, CODE: undefined, JOTTER_COGNITO_LOG_FILE: opts.logger.logFile('cognito') }, writesOwnLogFile: true },
    opts.logger,
  );
  opts.track(child);
  const client = cognitoClient(`http://127.0.0.1:${opts.port}`);
  try {
    await waitUntil('cognito-local', async () => (await client.send(new ListUserPoolsCommand({ MaxResults: 1 })), true), { child, timeoutMs: 30_000 });
  } finally {
    client.destroy();
  }
  return child;
}

// Properties that exist only in CloudFormation or configure AWS-side integrations the emulator lacks.
const POOL_PROPS_NOT_FOR_API = new Set(['UserPoolName', 'LambdaConfig', 'EmailConfiguration', 'SmsConfiguration', 'UserPoolAddOns', 'UserPoolTags', 'DeletionProtection']);
const CLIENT_PROPS_NOT_FOR_API = new Set(['UserPoolId']);

export interface CognitoIds {
  userPoolId: string;
  userPoolClientId: string;
}

/** Finds (by name) or creates the user pool and app client defined by the auth service. */
export async function ensureUserPool(
  endpoint: string,
  resources: Record<string, CfnResource>,
  log: (line: string) => void,
): Promise<CognitoIds> {
  const poolEntry = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Cognito::UserPool');
  if (!poolEntry) throw new Error('the auth service defines no AWS::Cognito::UserPool');
  const [poolLogicalId, pool] = poolEntry;
  const poolProps = pool.Properties ?? {};
  const poolName = poolProps.UserPoolName;
  if (typeof poolName !== 'string') throw new Error('the user pool has no literal UserPoolName');
  const clientEntry = Object.entries(resources).find(
    ([, r]) => r.Type === 'AWS::Cognito::UserPoolClient' && refName(r.Properties?.UserPoolId) === poolLogicalId,
  );
  if (!clientEntry) throw new Error(`no AWS::Cognito::UserPoolClient references ${poolLogicalId}`);
  const clientProps = clientEntry[1].Properties ?? {};
  const clientName = clientProps.ClientName;
  if (typeof clientName !== 'string') throw new Error('the app client has no literal ClientName');

  const client = cognitoClient(endpoint);
  try {
    // Data persists across restarts: reuse what a previous start created, by name.
    const userPoolId = await findOrCreate(
      log,
      `user pool ${poolName}`,
      async () => (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.find((p) => p.Name === poolName)?.Id,
      async () => {
        const input: Record<string, unknown> = { PoolName: poolName };
        for (const [k, v] of Object.entries(poolProps)) if (!POOL_PROPS_NOT_FOR_API.has(k)) input[k] = v;
        return (await client.send(new CreateUserPoolCommand(input as unknown as CreateUserPoolCommandInput))).UserPool?.Id;
      },
    );
    const userPoolClientId = await findOrCreate(
      log,
      `app client ${clientName}`,
      async () =>
        (await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }))).UserPoolClients?.find(
          (c) => c.ClientName === clientName,
        )?.ClientId,
      async () => {
        const input: Record<string, unknown> = { UserPoolId: userPoolId };
        for (const [k, v] of Object.entries(clientProps)) if (!CLIENT_PROPS_NOT_FOR_API.has(k)) input[k] = v;
        return (await client.send(new CreateUserPoolClientCommand(input as unknown as CreateUserPoolClientCommandInput))).UserPoolClient
          ?.ClientId;
      },
    );
    return { userPoolId, userPoolClientId };
  } finally {
    client.destroy();
  }
}

async function findOrCreate(
  log: (line: string) => void,
  what: string,
  find: () => Promise<string | undefined>,
  create: () => Promise<string | undefined>,
): Promise<string> {
  const existing = await find();
  if (existing) {
    log(`reusing ${what} (${existing})`);
    return existing;
  }
  const created = await create();
  if (!created) throw new Error(`creating the ${what} returned no id`);
  log(`created ${what} (${created})`);
  return created;
}
