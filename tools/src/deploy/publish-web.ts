// Builds the SPA with one stage's config and publishes it to the site bucket of jotter-web.
//
//   tsx tools/src/deploy/publish-web.ts publish --bucket B --distribution-id D [--grace-hours N] [--dist DIR] [--skip-build]
//   tsx tools/src/deploy/publish-web.ts build [--out-dir DIR]
//   tsx tools/src/deploy/publish-web.ts empty --bucket B
//
// The config comes from the deployed auth stack's outputs (JOTTER_AUTH_STACK_OUTPUTS, set by
// web/deploy/publish-plugin.cjs) or, for `build`, from VITE_* variables, so no config file is ever
// edited by hand and no local default reaches a deployed build. The API is always `/api` on the
// site's own origin (CloudFront forwards it to API Gateway). AWS_REGION / AWS_PROFILE as usual.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type _Object,
} from '@aws-sdk/client-s3';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { sameOriginApiPath, webBuildEnv, type WebConfig } from '../web-env';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const webDir = path.join(repoRoot, 'web');

/** The build config of a deployed stage, from the auth stack's outputs; refuses when one is missing. */
export function webConfigFromAuthOutputs(outputs: Record<string, string | undefined>, apiOutputs: Record<string, string | undefined> = {}): WebConfig {
  const missing = ['Region', 'UserPoolId', 'UserPoolClientId'].filter((name) => !outputs[name]);
  if (missing.length) {
    throw new Error(`the auth stack has no output ${missing.join(', ')}: deploy it first (pnpm deploy:prod)`);
  }
  return {
    apiUrl: sameOriginApiPath,
    region: outputs.Region!,
    userPoolId: outputs.UserPoolId!,
    userPoolClientId: outputs.UserPoolClientId!,
    authFlow: 'USER_SRP_AUTH',
    cognitoEndpoint: '',
    // The framework's output of the api stack's WebSocket API (wss://<id>.execute-api.<region>.amazonaws.com/<stage>).
    wsUrl: apiOutputs.ServiceEndpointWebsocket ?? '',
  };
}

function publishConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const raw = env.JOTTER_AUTH_STACK_OUTPUTS;
  const api = env.JOTTER_API_STACK_OUTPUTS;
  return raw ? webConfigFromAuthOutputs(JSON.parse(raw) as Record<string, string>, api ? (JSON.parse(api) as Record<string, string>) : {}) : webConfigFromEnv(env);
}

export function webConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: it must come from the stack outputs (see web/deploy/publish-plugin.cjs)`);
    return value;
  };
  const authFlow = env.VITE_AUTH_FLOW || 'USER_SRP_AUTH';
  if (authFlow !== 'USER_SRP_AUTH' && authFlow !== 'USER_PASSWORD_AUTH') {
    throw new Error(`VITE_AUTH_FLOW must be USER_SRP_AUTH or USER_PASSWORD_AUTH, got ${authFlow}`);
  }
  return {
    apiUrl: need('VITE_API_URL'),
    region: need('VITE_REGION'),
    userPoolId: need('VITE_USER_POOL_ID'),
    userPoolClientId: need('VITE_USER_POOL_CLIENT_ID'),
    authFlow,
    cognitoEndpoint: env.VITE_COGNITO_ENDPOINT ?? '',
    wsUrl: env.VITE_WS_URL ?? '',
  };
}

/**
 * `pnpm --filter @jotter/web build` with the config in the environment. `outDir` (absolute)
 * builds somewhere else than web/dist, e.g. for tests.
 */
export function buildWeb(config: WebConfig, options: { outDir?: string; quiet?: boolean } = {}): Promise<string> {
  const outDir = options.outDir ?? path.join(webDir, 'dist');
  const args = ['--filter', '@jotter/web', 'run', 'build'];
  if (options.outDir) args.push('--outDir', options.outDir, '--emptyOutDir');
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn('pnpm', args, {
      cwd: repoRoot,
      // Only this build's values: a VITE_* left in the caller's shell must not leak in.
      env: { ...withoutViteVars(process.env), ...webBuildEnv(config), NODE_ENV: 'production' },
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(outDir) : reject(new Error(`web build failed (exit ${code})\n${output.slice(-4000)}`)),
    );
  });
}

function withoutViteVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITE_')));
}

/** All files under dir, as S3 keys (forward slashes, relative). */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files.sort();
}

/** Vite writes content-hashed file names under assets/ (its build.assetsDir). */
export function isHashedAsset(key: string): boolean {
  return key.startsWith('assets/');
}

/** Source maps stay in the build (hidden: no sourceMappingURL) for stack traces, never on the site. */
export function isPublished(key: string): boolean {
  return !key.endsWith('.map');
}

export function cacheControlFor(key: string): string {
  return isHashedAsset(key) ? 'public,max-age=31536000,immutable' : 'no-cache';
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

export function contentTypeFor(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return (key.includes('.') && contentTypes[ext]) || 'application/octet-stream';
}

/**
 * Which remote objects to delete after an upload of `localKeys`: everything not in the new
 * build, except hashed assets younger than the grace period (tabs still running the previous
 * build lazy-load them; index.html is no-cache, so new visitors never ask for them).
 */
export function staleKeys(
  localKeys: readonly string[],
  remote: readonly Pick<_Object, 'Key' | 'LastModified'>[],
  options: { now: Date; graceHours: number },
): string[] {
  const keep = new Set(localKeys);
  const graceMs = options.graceHours * 3_600_000;
  return remote
    .filter((o): o is { Key: string; LastModified?: Date } => typeof o.Key === 'string' && !keep.has(o.Key))
    .filter((o) => {
      if (!isHashedAsset(o.Key) || graceMs <= 0) return true;
      const modified = o.LastModified?.getTime() ?? 0;
      return options.now.getTime() - modified >= graceMs;
    })
    .map((o) => o.Key);
}

/** Hashed assets first, index.html last: a visitor never gets an index naming missing files. */
export function uploadOrder(keys: readonly string[]): string[] {
  const rank = (k: string) => (isHashedAsset(k) ? 0 : k === 'index.html' ? 2 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function listRemote(s3: S3Client, bucket: string): Promise<_Object[]> {
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    objects.push(...(page.Contents ?? []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

async function deleteKeys(s3: S3Client, bucket: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
    );
    if (result.Errors?.length) {
      throw new Error(`could not delete ${result.Errors.map((e) => `${e.Key}: ${e.Message}`).join(', ')}`);
    }
  }
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  });
  await Promise.all(workers);
}

export interface PublishOptions {
  bucket: string;
  distributionId: string;
  distDir: string;
  graceHours: number;
  s3?: S3Client;
  cloudFront?: CloudFrontClient;
  log?: (line: string) => void;
}

export async function publish(options: PublishOptions): Promise<{ uploaded: string[]; deleted: string[] }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const s3 = options.s3 ?? new S3Client({});
  const cloudFront = options.cloudFront ?? new CloudFrontClient({});
  const keys = uploadOrder((await listFiles(options.distDir)).filter(isPublished));
  if (!keys.includes('index.html')) throw new Error(`${options.distDir} has no index.html: build first`);

  // Assets in parallel, then the unhashed files, then index.html alone.
  const groups = [keys.filter(isHashedAsset), keys.filter((k) => !isHashedAsset(k) && k !== 'index.html'), ['index.html']];
  for (const group of groups) {
    await mapLimit(group, 8, async (key) => {
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: await readFile(path.join(options.distDir, key)),
          ContentType: contentTypeFor(key),
          CacheControl: cacheControlFor(key),
        }),
      );
    });
  }
  log(`uploaded ${keys.length} files to s3://${options.bucket}`);

  const stale = staleKeys(keys, await listRemote(s3, options.bucket), { now: new Date(), graceHours: options.graceHours });
  if (stale.length) await deleteKeys(s3, options.bucket, stale);
  log(`deleted ${stale.length} stale objects`);

  // Hashed assets never change under a name; everything else is no-cache. One wildcard path
  // costs the same as one file and also clears edges that cached a previous policy's copy.
  const invalidation = await cloudFront.send(
    new CreateInvalidationCommand({
      DistributionId: options.distributionId,
      InvalidationBatch: { CallerReference: `jotter-${Date.now()}`, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  log(`CloudFront invalidation ${invalidation.Invalidation?.Id ?? ''} created for /*`);
  return { uploaded: keys, deleted: stale };
}

export async function emptyBucket(bucket: string, s3: S3Client = new S3Client({})): Promise<number> {
  const keys = (await listRemote(s3, bucket)).map((o) => o.Key).filter((k): k is string => !!k);
  if (keys.length) await deleteKeys(s3, bucket, keys);
  return keys.length;
}

function parseArgs(argv: string[]): { command: string; flags: Record<string, string | true> } {
  const [command = 'help', ...rest] = argv;
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) flags[arg.slice(2)] = true;
    else {
      flags[arg.slice(2)] = next;
      i++;
    }
  }
  return { command, flags };
}

async function main(argv: string[]): Promise<void> {
  const { command, flags } = parseArgs(argv);
  const str = (name: string): string => {
    const value = flags[name];
    if (typeof value !== 'string' || !value) throw new Error(`--${name} is required`);
    return value;
  };
  switch (command) {
    case 'build': {
      const outDir = typeof flags['out-dir'] === 'string' ? path.resolve(flags['out-dir']) : undefined;
      await buildWeb(webConfigFromEnv(), outDir ? { outDir } : {});
      return;
    }
    case 'publish': {
      const distDir = typeof flags.dist === 'string' ? path.resolve(flags.dist) : path.join(webDir, 'dist');
      if (!flags['skip-build']) await buildWeb(publishConfig(), distDir === path.join(webDir, 'dist') ? {} : { outDir: distDir });
      await publish({
        bucket: str('bucket'),
        distributionId: str('distribution-id'),
        distDir,
        graceHours: typeof flags['grace-hours'] === 'string' ? Number(flags['grace-hours']) : 0,
      });
      return;
    }
    case 'empty': {
      const count = await emptyBucket(str('bucket'));
      console.log(`deleted ${count} objects from s3://${str('bucket')}`);
      return;
    }
    default:
      console.log('usage: publish-web.ts build [--out-dir DIR] | publish --bucket B --distribution-id D [--grace-hours N] | empty --bucket B');
      if (command !== 'help') process.exitCode = 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
