// API under load: autocannon (in this process) against the local stack's apiUrl, one route after
// another in the same run: GET /health (the baseline), then GET /notes, POST /notes, GET /me.
import autocannon from 'autocannon';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { LOCAL_CREDENTIALS } from '@jotter/tools/stack/config';

export interface LoadResult {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

export interface LoadTarget {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
}

export async function runLoad(stack: StackInfo, target: LoadTarget, seconds = 10, connections = 10): Promise<LoadResult> {
  const headers: Record<string, string> = {};
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  if (target.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: `${stack.apiUrl}${target.path}`,
    method: target.method,
    headers,
    ...(target.body !== undefined ? { body: JSON.stringify(target.body) } : {}),
    connections,
    duration: seconds,
    timeout: 10,
  });
  return {
    route: target.route,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

/**
 * The emulator's own ceiling for the query behind GET /notes (the same Query GET /notes sends,
 * straight to DynamoDB Local with 10 callers in flight): what bounds the route locally.
 */
export async function dynamoQueryCeiling(stack: StackInfo, sub: string, seconds = 5, concurrency = 10): Promise<{ requestsPerSecond: number; p50Ms: number }> {
  const { DynamoDBClient, QueryCommand } = await import('@aws-sdk/client-dynamodb');
  const { noteKeys, indexes } = await import('../../../packages/shared/src/server/models');
  const client = new DynamoDBClient({ endpoint: stack.dynamodbEndpoint, region: stack.region, credentials: LOCAL_CREDENTIALS });
  const command = () =>
    new QueryCommand({
      TableName: stack.tableName,
      IndexName: indexes.byOwnerUpdated,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': { S: noteKeys.listPartition(sub, 'active') } },
      ScanIndexForward: false,
      Limit: 21,
    });
  const end = Date.now() + seconds * 1000;
  const times: number[] = [];
  const worker = async () => {
    while (Date.now() < end) {
      const t = performance.now();
      await client.send(command());
      times.push(performance.now() - t);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    client.destroy();
  }
  times.sort((a, b) => a - b);
  return { requestsPerSecond: times.length / seconds, p50Ms: times[Math.floor(times.length / 2)] ?? Number.NaN };
}
