// Cold init: a fresh `node` process per sample requires a bundle (module init) and invokes its
// handler once against the local stack, like Lambda's first request. Run with the prod functions'
// NODE_OPTIONS (--enable-source-maps, services/api/serverless.yml) for bundles and reference alike.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { routeLabel, routes } from '@jotter/shared/contract';
import { exampleBody } from '@jotter/shared/contract/examples';
import type { StackInfo } from '@jotter/tools/testing/stack';
import type { TestUser } from '@jotter/tools/testing/users';
import { apiEvent, functionEnv, userAuthorizer } from './events';
import { API_DIR, type Bundle, type FunctionInfo } from './bundles';
import { BENCH_DIR, median, OUT_DIR } from './metrics';

export interface ColdContext {
  stack: StackInfo;
  user: TestUser;
  noteId: string;
  apiKey: { keyId: string; value: string };
}

/** The event each function gets on its first (measured) invocation; destructive routes get unknown ids. */
export function coldEvent(fn: FunctionInfo, ctx: ColdContext): unknown {
  const methodArn = 'arn:aws:execute-api:us-east-1:000000000000:bench/prod/GET/notes';
  if (fn.name === 'authorize') return { type: 'TOKEN', authorizationToken: `Bearer ${ctx.user.accessToken}`, methodArn };
  if (fn.name === 'authorizeApiKey') return { type: 'REQUEST', methodArn, headers: { 'x-api-key': ctx.apiKey.value } };
  if (fn.name === 'attachmentUploaded') {
    return {
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: ctx.stack.region,
          eventTime: new Date().toISOString(),
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: ctx.stack.attachmentsBucket }, object: { key: `${ctx.user.sub}/${ctx.noteId}/${randomUUID()}`, size: 1, eTag: 'bench' } },
        },
      ],
    };
  }
  if (fn.schedule) return { version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), region: ctx.stack.region, resources: [], detail: {} };
  if (!fn.http) return undefined;
  const { method, path: resource } = fn.http;
  const destructive = method === 'DELETE' || resource.endsWith('/restore');
  const pathParameters: Record<string, string> = {};
  for (const [, name] of resource.matchAll(/\{(\w+)\}/g)) {
    if (name === 'noteId') pathParameters.noteId = destructive ? randomUUID() : ctx.noteId;
    else pathParameters[name!] = randomUUID();
  }
  const route = routes.find((r) => routeLabel(r) === `${method} ${resource}`);
  if (!route) throw new Error(`${fn.name}: ${method} ${resource} is not a route of the contract`);
  const authorizer = { apiKey: { sub: ctx.user.sub, keyId: ctx.apiKey.keyId }, user: userAuthorizer(ctx.user.sub), public: undefined }[route.auth];
  return apiEvent({
    method,
    resource,
    pathParameters,
    query: method === 'GET' && !resource.includes('{') ? { limit: '20' } : {},
    body: exampleBody(route),
    headers: { authorization: `Bearer ${ctx.user.accessToken}` },
    ...(authorizer ? { authorizer } : {}),
  });
}

export interface ColdSample {
  loadMs: number;
  invokeMs: number;
  status: string;
}

export interface ColdResult {
  name: string;
  /** Medians over the runs. */
  loadMs: number;
  invokeMs: number;
  totalMs: number;
  statuses: string[];
  runs: number;
}

function runChild(file: string, eventFile: string | undefined, env: Record<string, string>): Promise<ColdSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(BENCH_DIR, 'src', 'cold-child.cjs'), file, ...(eventFile ? [eventFile] : [])], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as ColdSample);
      } catch {
        reject(new Error(`cold start of ${file} failed (exit ${code}): ${(err || out).slice(-1500)}`));
      }
    });
  });
}

/** `runs` cold starts of every bundle and the reference, round-robin (so drift hits all alike). */
export async function measureColdInit(bundles: Bundle[], reference: Bundle, fns: FunctionInfo[], ctx: ColdContext, runs = 11): Promise<{ reference: ColdResult; functions: ColdResult[] }> {
  const eventsDir = path.join(OUT_DIR, 'events');
  fs.mkdirSync(eventsDir, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...functionEnv(ctx.stack),
    // The Lambda runtime provides @aws-sdk/*: resolve it from the api's own dependencies.
    NODE_PATH: path.join(API_DIR, 'node_modules'),
    NODE_NO_WARNINGS: '1',
  };
  const targets = [
    {
      name: 'reference',
      file: reference.extracted,
      event: apiEvent({ method: 'GET', resource: '/notes/{noteId}', pathParameters: { noteId: ctx.noteId }, authorizer: userAuthorizer(ctx.user.sub) }) as unknown,
    },
    ...bundles.map((b) => ({ name: b.name, file: b.extracted, event: coldEvent(fns.find((f) => f.name === b.name)!, ctx) })),
  ];
  const samples = new Map<string, ColdSample[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const t of targets) {
      let eventFile: string | undefined;
      if (t.event !== undefined) {
        eventFile = path.join(eventsDir, `${t.name}.json`);
        fs.writeFileSync(eventFile, JSON.stringify(t.event));
      }
      samples.get(t.name)!.push(await runChild(t.file, eventFile, env));
    }
  }
  const summarize = (name: string): ColdResult => {
    const s = samples.get(name)!;
    return {
      name,
      loadMs: median(s.map((x) => x.loadMs)),
      invokeMs: median(s.map((x) => x.invokeMs)),
      totalMs: median(s.map((x) => x.loadMs + x.invokeMs)),
      statuses: [...new Set(s.map((x) => x.status))],
      runs: s.length,
    };
  };
  return { reference: summarize('reference'), functions: bundles.map((b) => summarize(b.name)) };
}
