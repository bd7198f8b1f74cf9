import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { endpoints, portsFromEnv, REGION, REPO_ROOT, STAGE, type StackPorts } from './config';
import { checkJava, checkPorts, pickFreePorts, StackError } from './preflight';
import { consoleSink, StackLogger, type LogSink } from './logs';
import type { StackChild } from './child';
import { printService, resourcesOfType, type PrintedService } from './definitions';
import { startDynamoDb, ensureTable } from './dynamodb';
import { ensureUserPool, startCognito } from './cognito';
import { startS3, type S3Emulator } from './s3';
import { startStreamForwarder, type StreamForwarder } from './streams';
import { gatewayResponsesFrom, methodThrottlesFrom, startGateway, type Gateway } from './gateway';
import { API_DIR, AUTH_DIR, startOffline, startVite } from './offline';
import { supervise } from './supervise';
import { sameOriginApiPath, webBuildEnv } from '../web-env';

export { StackError } from './preflight';
export type { LogSink } from './logs';
export type { StackPorts } from './config';

/** The contents of `<dataDir>/stack.json`: what tests, the web app and outside tools read. */
export interface StackInfo {
  region: string;
  apiUrl: string;
  /** Live sync's WebSocket API (docs/live-sync.md). */
  wsUrl: string;
  webUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  attachmentsBucket: string;
  searchBucket: string;
  tableName: string;
  // Extras (not part of the stack file contract in docs/local-stack.md, handy for tools and tests).
  stage: string;
  userPoolIssuer: string;
  lambdaEndpoint: string;
  offlineUrl: string;
  webStarted: boolean;
  dataDir: string;
  logsDir: string;
  stackFile: string;
  ports: StackPorts;
}

export interface StartStackOptions {
  /** Where data, logs and stack.json live. Default `<repo>/.dev`. */
  dataDir?: string;
  /** Explicit ports; default from JOTTER_*_PORT env vars (or free ports with `freePorts`). */
  ports?: Partial<StackPorts>;
  /** Pick free ports instead of the defaults (tests). */
  freePorts?: boolean;
  /** Start Vite for web/ (skipped with a warning while web/index.html does not exist). */
  web?: boolean;
  /** Wipe `<dataDir>/data` before starting. */
  reset?: boolean;
  /**
   * Run the Lambda handlers inside serverless-offline's process instead of a worker thread per
   * concurrent call. Each worker loads its bundle cold, so under concurrency worker threads spend
   * most of their time starting; tests and benchmarks use this. Default: JOTTER_OFFLINE_IN_PROCESS=1.
   */
  offlineInProcess?: boolean;
  /** Where log lines go besides `<dataDir>/logs/<name>.log`. Default: prefixed on stdout. */
  logSink?: LogSink;
}

export interface RunningStack {
  info: StackInfo;
  stop(): Promise<void>;
}

export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const startedAt = Date.now();
  const dataDir = path.resolve(options.dataDir ?? path.join(REPO_ROOT, '.dev'));
  const ports: StackPorts = { ...(options.freePorts ? await pickFreePorts() : portsFromEnv()), ...options.ports };
  const web = options.web ?? true;

  // Preflight before anything is spawned or written: a failure here leaves nothing behind.
  await checkPorts(ports, web ? new Set() : new Set(['web']));
  checkJava();

  if (options.reset) fs.rmSync(path.join(dataDir, 'data'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'data'), { recursive: true });
  const logger = new StackLogger(path.join(dataDir, 'logs'), options.logSink ?? consoleSink());
  const log = (line: string) => logger.line('stack', line);
  const urls = endpoints(ports);

  const children: StackChild[] = [];
  let s3: S3Emulator | undefined;
  let streams: StreamForwarder | undefined;
  let gateway: Gateway | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await gateway?.close();
      await streams?.close();
      await s3?.close();
      // Reverse start order: the API before the emulators it talks to.
      await Promise.all([...children].reverse().map((c) => c.stop()));
      logger.close();
    })());

  // Children are tracked as soon as they are spawned, so a failure anywhere stops them all.
  const track = (c: StackChild) => void children.push(c);
  /**
   * Starts a child and, once it is up, restarts it whenever it exits on its own (./supervise.ts).
   * A restart that fails to come up is stopped before the next try.
   */
  const startSupervised = async (label: string, start: (track: (c: StackChild) => void) => Promise<StackChild>): Promise<StackChild> => {
    const restart = async () => {
      let spawned: StackChild | undefined;
      try {
        return await start((c) => {
          spawned = c;
          track(c);
        });
      } catch (error) {
        await spawned?.stop();
        throw error;
      }
    };
    const child = await start(track);
    supervise(child, { label, start: restart, log, stopping: () => stopping !== undefined });
    return child;
  };
  const { step, partOf } = failureParts();

  try {
    const baseParams = offlineParams(urls, dataDir);
    log(`starting the local stack (data in ${path.relative(process.cwd(), dataDir) || '.'})`);

    // The auth print needs no emulator ids; run it alongside the emulators' start-up.
    const authPrint = printService(AUTH_DIR, baseParams);
    authPrint.catch(() => {});
    const dynamoStart = step('dynamodb', () =>
      startSupervised('DynamoDB Local', (t) => startDynamoDb({ port: ports.dynamodb, dataDir, corsOrigins: [urls.webOrigin, urls.webOriginIp], logger, track: t })),
    );
    dynamoStart.catch(() => {});
    await step('cognito', () => startSupervised('cognito-local', (t) => startCognito({ port: ports.cognito, dataDir, logger, track: t })));
    const auth = await step('stack', () => authPrint);
    const ids = await step('cognito', () =>
      ensureUserPool(urls.cognito, auth.resources?.Resources ?? {}, (l) => logger.line('cognito', l)),
    );

    const userPoolIssuer = `${urls.cognito}/${ids.userPoolId}`;
    const params: Record<string, string> = {
      ...baseParams,
      userPoolId: ids.userPoolId,
      userPoolClientId: ids.userPoolClientId,
      userPoolArn: `arn:aws:cognito-idp:${REGION}:000000000000:userpool/${ids.userPoolId}`,
      userPoolIssuer,
    };

    // serverless-offline is the slowest part: start it now, and create resources while it boots.
    const offlineStart = step('api', () =>
      startSupervised('serverless-offline', (t) =>
        startOffline({
          offlinePort: ports.offline,
          lambdaPort: ports.lambda,
          websocketPort: ports.websocket,
          params,
          inProcess: options.offlineInProcess ?? process.env.JOTTER_OFFLINE_IN_PROCESS === '1',
          logger,
          track: t,
        }),
      ),
    );
    offlineStart.catch(() => {});

    const api: PrintedService = await step('stack', () => printService(API_DIR, params));
    const tables = resourcesOfType(api, 'AWS::DynamoDB::Table');
    await step('dynamodb', () => dynamoStart);
    const tableNames: Record<string, string> = {};
    for (const [logicalId, table] of tables) tableNames[logicalId] = await ensureTable(urls.dynamodb, table, (l) => logger.line('dynamodb', l));

    // The attachments bucket (the one with CORS and upload events) and the others (search indexes).
    const buckets = resourcesOfType(api, 'AWS::S3::Bucket');
    const bucketEntry = buckets.find(([id]) => id === 'AttachmentsBucket') ?? buckets[0];
    if (!bucketEntry) throw new StackError('services/api defines no AWS::S3::Bucket');
    const [bucketLogicalId, bucket] = bucketEntry;
    const nameOf = ([id, resource]: (typeof buckets)[number]) => {
      const printed = resource.Properties?.BucketName;
      if (typeof printed === 'string') return printed;
      return id === 'SearchIndexBucket' ? params.searchBucketName! : params.attachmentsBucketName!;
    };
    const bucketName = nameOf(bucketEntry);
    const searchEntry = buckets.find(([id]) => id === 'SearchIndexBucket');
    const otherBuckets = buckets.filter((entry) => entry !== bucketEntry).map(nameOf);
    s3 = await step('s3', () =>
      startS3({
        port: ports.s3,
        dataDir,
        bucket,
        bucketLogicalId,
        bucketName,
        otherBuckets,
        api,
        webOrigin: urls.webOrigin,
        webOriginAliases: [urls.webOriginIp],
        lambdaEndpoint: urls.lambda,
        log: (l) => logger.line('s3', l),
      }),
    );

    gateway = await step('gateway', () =>
      startGateway({
        port: ports.api,
        upstreamPort: ports.offline,
        responses: gatewayResponsesFrom(api),
        corsOrigin: baseParams.webOrigin,
        throttles: methodThrottlesFrom(api),
        log: (l) => logger.line('gateway', l),
      }),
    );

    await step('api', () => offlineStart);
    streams = await step('streams', () =>
      startStreamForwarder({ dynamodbEndpoint: urls.dynamodb, tables: tableNames, api, lambdaEndpoint: urls.lambda, log: (l) => logger.line('streams', l) }),
    );

    const info: StackInfo = {
      region: REGION,
      apiUrl: urls.api,
      wsUrl: urls.websocket,
      webUrl: urls.webOrigin,
      userPoolId: ids.userPoolId,
      userPoolClientId: ids.userPoolClientId,
      cognitoEndpoint: urls.cognito,
      dynamodbEndpoint: urls.dynamodb,
      s3Endpoint: urls.s3,
      attachmentsBucket: bucketName,
      searchBucket: searchEntry ? nameOf(searchEntry) : '',
      tableName: Object.values(tableNames)[0] ?? '',
      stage: STAGE,
      userPoolIssuer,
      lambdaEndpoint: urls.lambda,
      offlineUrl: `${urls.offline}/${STAGE}`,
      webStarted: false,
      dataDir,
      logsDir: logger.logsDir,
      stackFile: path.join(dataDir, 'stack.json'),
      ports,
    };

    if (web) {
      const vite = await step('web', () =>
        startVite({
          port: ports.web,
          logger,
          env: {
            // Same origin as on AWS: Vite proxies /api to the local API stage.
            ...webBuildEnv(
              { apiUrl: sameOriginApiPath, region: REGION, userPoolId: ids.userPoolId, userPoolClientId: ids.userPoolClientId, authFlow: 'USER_PASSWORD_AUTH', cognitoEndpoint: urls.cognito, wsUrl: urls.websocket },
              { localStack: true },
            ),
            JOTTER_API_PROXY_TARGET: info.apiUrl,
          },
          track,
        }),
      );
      info.webStarted = vite !== undefined;
    }

    fs.writeFileSync(info.stackFile, `${JSON.stringify(info, null, 2)}\n`);
    log(`stack up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; wrote ${info.stackFile}`);
    return { info, stop };
  } catch (error) {
    const part = partOf(error);
    const tail = part === 'stack' ? [] : logger.tail(part);
    log(`failed while starting ${part}: ${(error as Error).message}`);
    if (tail.length) {
      log(`last lines of ${part}'s log (${logger.logFile(part)}):`);
      for (const l of tail) log(`  ${l}`);
    }
    await stop();
    throw error;
  }
}

/** The parameters both services are printed and run with (serverless `--param`), before Cognito's ids exist. */
function offlineParams(urls: ReturnType<typeof endpoints>, dataDir: string) {
  return {
    // The SPA reaches the API through Vite's /api proxy (same origin, like CloudFront on AWS);
    // CORS for the web origin stays declared so tests can call the API from a page's origin.
    webOrigin: urls.webOrigin,
    developerApiOrigin: urls.webOrigin,
    // The emulator only implements USER_PASSWORD_AUTH (services/auth/serverless.yml).
    clientAuthFlows: 'local',
    publicApiUrl: urls.api,
    dynamodbEndpoint: urls.dynamodb,
    s3Endpoint: urls.s3,
    cognitoEndpoint: urls.cognito,
    // POST /exports invokes the export function through serverless-offline's Lambda API.
    lambdaEndpoint: urls.lambda,
    attachmentsBucketName: `jotter-${STAGE}-attachments`,
    searchBucketName: `jotter-${STAGE}-search`,
    liveEndpoint: urls.websocketManagement,
    // /v1 API keys are created at run time: serverless-offline cannot check them
    // (docs/offline-toolchain.md, "serverless-offline versus API Gateway") and there is no API
    // Gateway to register them with; our authorizer checks them and our code enforces the daily
    // quota (docs/developer-api.md).
    gatewayApiKeys: 'false',
    // serverless-esbuild bundles into services/api/<work folder> and deletes it on exit: stacks
    // running side by side (pnpm dev + a Jest run) must not share it. Only takes effect once
    // services/api/serverless.yml sets `custom.esbuild.outputWorkFolder: ${param:esbuildWorkFolder}`.
    esbuildWorkFolder: `.esbuild/stacks/${createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`,
  };
}

/**
 * Tags a failure with the part of the stack it came from (`step`), so that the part's last log
 * lines can be shown with it (`partOf`).
 */
function failureParts() {
  const parts = new WeakMap<object, string>();
  return {
    step: async <T>(part: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        if (e && typeof e === 'object' && !parts.has(e)) parts.set(e, part);
        throw e;
      }
    },
    partOf: (error: unknown) => (error !== null && typeof error === 'object' ? parts.get(error) : undefined) ?? 'stack',
  };
}
