// DynamoDB Streams → Lambda, locally: what AWS's event source mapping does for every function with a
// `stream` event on a table of the api service. DynamoDB Local keeps the table's stream; this polls
// its shards and invokes the functions through serverless-offline's Lambda invoke API with the
// records in the exact shape Lambda delivers (DynamoDBStreamEvent). Per shard, batches go in order
// and one at a time, each to every subscribed function, like one mapping per function.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LOCAL_CREDENTIALS, REGION } from './config';
import { dynamoClient } from './dynamodb';
import type { PrintedService } from './definitions';

export interface StreamTarget {
  functionName: string;
  /** The table resource whose stream feeds it. */
  tableLogicalId: string;
  batchSize: number;
  /** Retries of a failed batch before it is skipped (AWS then sends it to the on-failure destination). */
  maximumRetryAttempts: number;
}

/** The logical id of the table a stream event's `arn` points at (`!GetAtt AppTable.StreamArn`). */
function streamTable(arn: unknown): string | undefined {
  const getAtt = (arn as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  const [resource, attribute] = Array.isArray(getAtt) ? getAtt : typeof getAtt === 'string' ? getAtt.split('.') : [];
  return attribute === 'StreamArn' && typeof resource === 'string' ? resource : undefined;
}

/** The api service's functions with a DynamoDB `stream` event on one of its tables. */
export function streamEventTargets(api: PrintedService): StreamTarget[] {
  const targets: StreamTarget[] = [];
  for (const [key, fn] of Object.entries(api.functions ?? {})) {
    for (const event of fn.events ?? []) {
      const stream = event.stream as { type?: string; arn?: unknown; batchSize?: number; maximumRetryAttempts?: number; enabled?: boolean } | undefined;
      if (!stream || stream.type !== 'dynamodb' || stream.enabled === false) continue;
      const tableLogicalId = streamTable(stream.arn);
      if (!tableLogicalId) continue;
      targets.push({
        functionName: fn.name ?? `${api.service}-dev-${key}`,
        tableLogicalId,
        // AWS's defaults for DynamoDB streams.
        batchSize: stream.batchSize ?? 100,
        maximumRetryAttempts: stream.maximumRetryAttempts ?? -1,
      });
    }
  }
  return targets;
}

/** A record from GetRecords as Lambda hands it to a function. */
export function lambdaStreamRecord(record: StreamsRecord, streamArn: string) {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    // DynamoDB Local names its own region (ddblocal); Lambda names the stack's.
    awsRegion: REGION,
    dynamodb: {
      // Lambda sends whole seconds since the epoch; the SDK parsed them into a Date.
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...dynamodb,
    },
    eventSourceARN: streamArn,
  };
}

/** Binary attribute values travel base64-encoded in Lambda's JSON, as in DynamoDB's. */
const jsonReplacer = (_key: string, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value);

export interface StreamForwarder {
  targets: StreamTarget[];
  close(): Promise<void>;
}

export async function startStreamForwarder(opts: {
  dynamodbEndpoint: string;
  /** Table logical id → table name. */
  tables: Record<string, string>;
  api: PrintedService;
  lambdaEndpoint: string;
  /** Milliseconds between polls of an idle shard (AWS polls about 4 times a second). */
  pollMs?: number;
  log: (line: string) => void;
}): Promise<StreamForwarder> {
  const targets = streamEventTargets(opts.api);
  const pollMs = opts.pollMs ?? 100;
  const streams = new DynamoDBStreamsClient({ endpoint: opts.dynamodbEndpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
  const lambda = new LambdaClient({ endpoint: opts.lambdaEndpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
  const dynamo = dynamoClient(opts.dynamodbEndpoint);
  let closed = false;
  const loops: Promise<void>[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function deliver(target: StreamTarget, records: ReturnType<typeof lambdaStreamRecord>[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await lambda.send(
          new InvokeCommand({ FunctionName: target.functionName, InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify({ Records: records }, jsonReplacer)) }),
        );
        if (!result.FunctionError) {
          opts.log(`→ ${target.functionName}: ${records.length} record(s)`);
          return;
        }
        throw new Error(Buffer.from(result.Payload ?? []).toString('utf8').slice(0, 500));
      } catch (error) {
        if (closed) return;
        const limit = target.maximumRetryAttempts < 0 ? 10 : target.maximumRetryAttempts;
        opts.log(`✗ ${target.functionName} failed on ${records.length} record(s) (attempt ${attempt + 1}): ${(error as Error).message}`);
        if (attempt >= limit) {
          opts.log(`✗ ${target.functionName}: batch skipped after ${attempt + 1} attempts`);
          return;
        }
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }

  // Where each shard was read up to, so a shard whose reading broke (DynamoDB Local restarted, an
  // iterator expired) is picked up after its last delivered record: nothing lost, nothing twice.
  const delivered = new Map<string, string>();

  /** Reads one shard to its end (open shards never end), then returns. */
  async function followShard(streamArn: string, shard: Shard, from: 'LATEST' | 'TRIM_HORIZON', subscribed: StreamTarget[]): Promise<void> {
    const shardId = shard.ShardId as string;
    const after = delivered.get(shardId);
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand(
          after
            ? { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: from },
        ),
      )
    ).ShardIterator;
    const batchSize = Math.min(...subscribed.map((t) => t.batchSize), 1000);
    while (iterator && !closed) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
      const records = (page.Records ?? []).map((r) => lambdaStreamRecord(r, streamArn));
      if (records.length > 0) {
        // Like separate event source mappings: a slow function (the search indexer) does not hold back another (live sync).
        await Promise.all(subscribed.map((target) => deliver(target, records)));
        const last = page.Records?.at(-1)?.dynamodb?.SequenceNumber;
        if (last) delivered.set(shardId, last);
      }
      iterator = page.NextShardIterator;
      if (records.length === 0) await sleep(pollMs);
    }
  }

  /**
   * Follows every shard of a table's stream, picking up the shards that replace closed ones. Like an
   * event source mapping it never gives up: when DynamoDB is unreachable it retries every second, and
   * a shard whose reading broke is followed again from where it stopped.
   */
  async function followTable(tableName: string, subscribed: StreamTarget[]): Promise<void> {
    const followed = new Set<string>();
    // A shard read again before it delivered anything starts where it first started.
    const startOf = new Map<string, 'LATEST' | 'TRIM_HORIZON'>();
    let first = true;
    let failing = false;
    while (!closed) {
      try {
        const streamArn = (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
        if (!streamArn) {
          opts.log(`table ${tableName} has no stream: ${subscribed.map((t) => t.functionName).join(', ')} will not be invoked`);
          return;
        }
        const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
        if (failing) opts.log(`following ${tableName}'s stream again`);
        failing = false;
        for (const shard of shards) {
          const shardId = shard.ShardId;
          if (!shardId || followed.has(shardId)) continue;
          const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
          followed.add(shardId);
          // At start-up only what is written from now on, like a new mapping with LATEST; a shard
          // that appears later is read from its beginning.
          if (first && !open) continue;
          if (!startOf.has(shardId)) startOf.set(shardId, first ? 'LATEST' : 'TRIM_HORIZON');
          const reading = followShard(streamArn, shard, startOf.get(shardId) ?? 'TRIM_HORIZON', subscribed).catch((e: unknown) => {
            if (closed) return;
            opts.log(`✗ reading shard ${shardId}: ${(e as Error).message} (following it again)`);
            followed.delete(shardId);
          });
          loops.push(reading);
        }
        first = false;
      } catch (error) {
        if (closed) return;
        if (!failing) opts.log(`✗ following ${tableName}'s stream: ${(error as Error).message} (retrying every second)`);
        failing = true;
      }
      await sleep(1_000);
    }
  }

  const byTable = new Map<string, StreamTarget[]>();
  for (const target of targets) byTable.set(target.tableLogicalId, [...(byTable.get(target.tableLogicalId) ?? []), target]);
  for (const [logicalId, subscribed] of byTable) {
    const tableName = opts.tables[logicalId];
    if (!tableName) {
      opts.log(`no table ${logicalId} for ${subscribed.map((t) => t.functionName).join(', ')}`);
      continue;
    }
    loops.push(followTable(tableName, subscribed).catch((e: unknown) => void (closed || opts.log(`✗ following ${tableName}'s stream: ${(e as Error).message}`))));
    opts.log(`forwarding ${tableName}'s stream to ${subscribed.map((t) => t.functionName).join(', ')} (every ${pollMs} ms)`);
  }
  if (targets.length === 0) opts.log('no api function subscribes to a table stream');

  return {
    targets,
    async close() {
      closed = true;
      await Promise.allSettled([...loops]);
      streams.destroy();
      lambda.destroy();
      dynamo.destroy();
    },
  };
}
