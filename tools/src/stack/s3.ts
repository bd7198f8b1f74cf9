import fs from 'node:fs';
import path from 'node:path';
import S3rver from 's3rver';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LOCAL_CREDENTIALS, REGION } from './config';
import { refName, type CfnResource, type PrintedService } from './definitions';

type CorsRule = {
  AllowedOrigins?: string[];
  AllowedMethods?: string[];
  AllowedHeaders?: string[];
  ExposedHeaders?: string[];
  MaxAge?: number;
};

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * CloudFormation CorsConfiguration → the S3 CORS XML s3rver takes. `extraOrigins` maps an
 * origin to aliases also allowed locally (localhost vs 127.0.0.1 are different origins).
 */
export function corsXml(rules: CorsRule[], extraOrigins: Record<string, string[]> = {}): string {
  const tag = (name: string, values: string[] | undefined) => (values ?? []).map((v) => `<${name}>${xmlEscape(v)}</${name}>`).join('');
  const body = rules
    .map((r) => {
      const origins = (r.AllowedOrigins ?? []).flatMap((o) => [o, ...(extraOrigins[o] ?? [])]);
      return (
        '<CORSRule>' +
        tag('AllowedOrigin', origins) +
        tag('AllowedMethod', r.AllowedMethods) +
        tag('AllowedHeader', r.AllowedHeaders) +
        tag('ExposeHeader', r.ExposedHeaders) +
        (r.MaxAge !== undefined ? `<MaxAgeSeconds>${r.MaxAge}</MaxAgeSeconds>` : '') +
        '</CORSRule>'
      );
    })
    .join('');
  return `<CORSConfiguration>${body}</CORSConfiguration>`;
}

/** S3 URL-encodes object keys in event notifications like a form (space → +); `/` stays. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface S3EventTarget {
  functionName: string;
  /** e.g. `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`. */
  events: string[];
  prefix?: string;
  suffix?: string;
}

/**
 * The api service's functions subscribed to S3 events on `bucketName` (given by name, by
 * `${param}` already resolved, or as a Ref to the bucket resource).
 */
export function s3EventTargets(api: PrintedService, bucketName: string, bucketLogicalIds: string[]): S3EventTarget[] {
  const targets: S3EventTarget[] = [];
  for (const [key, fn] of Object.entries(api.functions ?? {})) {
    for (const event of fn.events ?? []) {
      const s3 = event.s3 as
        | string
        | { bucket?: unknown; event?: string; rules?: { prefix?: string; suffix?: string }[] }
        | undefined;
      if (!s3) continue;
      const spec = typeof s3 === 'string' ? { bucket: s3 } : s3;
      const ref = refName(spec.bucket);
      const matches = spec.bucket === bucketName || (ref !== undefined && bucketLogicalIds.includes(ref));
      if (!matches) continue;
      const rules = spec.rules ?? [];
      targets.push({
        functionName: fn.name ?? `${api.service}-dev-${key}`,
        events: [spec.event ?? 's3:ObjectCreated:*'],
        prefix: rules.find((r) => r.prefix !== undefined)?.prefix,
        suffix: rules.find((r) => r.suffix !== undefined)?.suffix,
      });
    }
  }
  return targets;
}

/** The framework's logical id of a function's AWS::Lambda::Function (`attachmentUploaded` → `AttachmentUploadedLambdaFunction`). */
export function functionLogicalId(key: string): string {
  return `${key.charAt(0).toUpperCase()}${key.slice(1).replace(/-/g, 'Dash').replace(/_/g, 'Underscore')}LambdaFunction`;
}

/**
 * The functions a bucket notifies through its own NotificationConfiguration (how the api service
 * wires its attachments bucket, see services/api/resources/attachments-bucket.yml).
 */
export function bucketNotificationTargets(api: PrintedService, bucket: CfnResource): S3EventTarget[] {
  type LambdaConfiguration = { Event?: string; Function?: unknown; Filter?: { S3Key?: { Rules?: { Name?: string; Value?: string }[] } } };
  const configurations =
    (bucket.Properties?.NotificationConfiguration as { LambdaConfigurations?: LambdaConfiguration[] } | undefined)?.LambdaConfigurations ?? [];
  return configurations.flatMap((configuration) => {
    const getAtt = (configuration.Function as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
    const key = Object.keys(api.functions ?? {}).find((name) => functionLogicalId(name) === getAtt?.[0]);
    if (!key || !configuration.Event) return [];
    const rules = configuration.Filter?.S3Key?.Rules ?? [];
    return [
      {
        functionName: api.functions?.[key]?.name ?? `${api.service}-dev-${key}`,
        events: [configuration.Event],
        prefix: rules.find((r) => r.Name?.toLowerCase() === 'prefix')?.Value,
        suffix: rules.find((r) => r.Name?.toLowerCase() === 'suffix')?.Value,
      },
    ];
  });
}

function eventMatches(pattern: string, eventName: string): boolean {
  const wanted = pattern.replace(/^s3:/, '');
  return wanted.endsWith(':*') ? eventName.startsWith(wanted.slice(0, -1)) : wanted === eventName;
}

export interface S3Emulator {
  bucketName: string;
  targets: S3EventTarget[];
  close(): Promise<void>;
}

export async function startS3(opts: {
  port: number;
  dataDir: string;
  bucket: CfnResource;
  bucketLogicalId: string;
  bucketName: string;
  /** More buckets of the service: private, without CORS or events (the search indexes). */
  otherBuckets?: string[];
  api: PrintedService;
  webOrigin: string;
  webOriginAliases: string[];
  lambdaEndpoint: string;
  log: (line: string) => void;
}): Promise<S3Emulator> {
  const directory = path.join(opts.dataDir, 'data', 's3');
  fs.mkdirSync(directory, { recursive: true });
  const cors = (opts.bucket.Properties?.CorsConfiguration as { CorsRules?: CorsRule[] } | undefined)?.CorsRules;
  const configs = cors?.length ? [corsXml(cors, { [opts.webOrigin]: opts.webOriginAliases })] : [];
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port,
    directory,
    // Its own logger writes straight to the console; object events are logged below instead.
    silent: true,
    configureBuckets: [{ name: opts.bucketName, configs }, ...(opts.otherBuckets ?? []).map((name) => ({ name, configs: [] }))],
  });

  const targets = [
    ...s3EventTargets(opts.api, opts.bucketName, [opts.bucketLogicalId]),
    ...bucketNotificationTargets(opts.api, opts.bucket),
  ];
  const lambda = new LambdaClient({ endpoint: opts.lambdaEndpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
  const pending = new Set<Promise<unknown>>();

  server.on('event', (event) => {
    for (const record of event.Records) {
      opts.log(`${record.eventName} s3://${record.s3.bucket.name}/${record.s3.object.key} (${record.s3.object.size ?? '-'} bytes)`);
      if (record.s3.bucket.name !== opts.bucketName) continue;
      const key = record.s3.object.key;
      // Same shape AWS delivers: the key URL-encoded, a real bucket ARN.
      const awsRecord = {
        ...record,
        awsRegion: REGION,
        s3: {
          ...record.s3,
          bucket: { ...record.s3.bucket, arn: `arn:aws:s3:::${record.s3.bucket.name}` },
          object: { ...record.s3.object, key: encodeS3EventKey(key) },
        },
      };
      for (const t of targets) {
        if (!t.events.some((p) => eventMatches(p, record.eventName))) continue;
        if (t.prefix && !key.startsWith(t.prefix)) continue;
        if (t.suffix && !key.endsWith(t.suffix)) continue;
        const invocation = lambda
          .send(
            new InvokeCommand({
              FunctionName: t.functionName,
              InvocationType: 'Event',
              Payload: Buffer.from(JSON.stringify({ Records: [awsRecord] })),
            }),
          )
          .then(() => opts.log(`→ invoked ${t.functionName} for ${record.eventName} ${key}`))
          .catch((e: unknown) => opts.log(`✗ invoking ${t.functionName} for ${key} failed: ${(e as Error).message}`))
          .finally(() => pending.delete(invocation));
        pending.add(invocation);
      }
    }
  });

  await server.run();
  opts.log(`s3rver on http://127.0.0.1:${opts.port}, bucket ${opts.bucketName}${configs.length ? ' (with CORS)' : ''}`);
  opts.log(
    targets.length
      ? `forwarding S3 events to ${targets.map((t) => `${t.functionName} (${t.events.join(',')})`).join(', ')}`
      : 'no api function subscribes to S3 events on this bucket yet',
  );

  return {
    bucketName: opts.bucketName,
    targets,
    async close() {
      await Promise.allSettled([...pending]);
      lambda.destroy();
      const closing = server.close().catch(() => {});
      server.httpServer?.closeAllConnections();
      await closing;
    },
  };
}
