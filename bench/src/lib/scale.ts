// Scale: GET /notes?limit=20 for a user with 10,000 notes vs. one with 100, over HTTP on the local
// stack. Notes are seeded straight into DynamoDB Local with BatchWriteItem, in the item shape
// services/api/src/domain/notes.ts createNote writes (keys from @jotter/shared/server/models).
import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { noteKeys } from '../../../packages/shared/src/server/models';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { median } from './metrics';
import { waitForApi } from './stack';
import { LOCAL_CREDENTIALS } from '@jotter/tools/stack/config';

export function noteItem(sub: string, index: number, baseTime: number) {
  const noteId = randomUUID();
  const time = new Date(baseTime + index * 1000).toISOString();
  const title = `Seeded note ${index}`;
  const sortKeys = noteKeys.sortKeys({ noteId, title, createdAt: time, updatedAt: time, pinned: false });
  return {
    pk: { S: noteKeys.pk(sub) },
    sk: { S: noteKeys.sk(noteId) },
    gsi1pk: { S: noteKeys.listPartition(sub, 'active') },
    gsi1sk: { S: sortKeys.gsi1sk },
    gsi3sk: { S: sortKeys.gsi3sk },
    gsi4sk: { S: sortKeys.gsi4sk },
    type: { S: 'note' },
    state: { S: 'active' },
    ownerId: { S: sub },
    noteId: { S: noteId },
    title: { S: title },
    content: { S: `Body of seeded note ${index}. `.repeat(8) },
    version: { N: '1' },
    createdAt: { S: time },
    updatedAt: { S: time },
    attachments: { L: [] },
    attachmentsRev: { N: '0' },
    tags: { L: [] },
    pinned: { BOOL: false },
    tagsRev: { N: '0' },
  };
}

/** Writes `count` notes for `sub` (made by `make`), 25 per BatchWriteItem, a few batches in flight. */
export async function seedNotes(stack: StackInfo, sub: string, count: number, concurrency = 4, make: typeof noteItem = noteItem): Promise<void> {
  const client = new DynamoDBClient({ endpoint: stack.dynamodbEndpoint, region: stack.region, credentials: LOCAL_CREDENTIALS });
  const baseTime = Date.now() - count * 1000;
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < count; i += 25) {
    batches.push(Array.from({ length: Math.min(25, count - i) }, (_, j) => ({ PutRequest: { Item: make(sub, i + j, baseTime) } })));
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: WriteRequest[] = batches[next++]!;
      while (pending.length) {
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [stack.tableName]: pending } }));
        pending = result.UnprocessedItems?.[stack.tableName] ?? [];
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    client.destroy();
  }
}

export interface LatencyResult {
  medianMs: number;
  p90Ms: number;
  samples: number;
  items: number;
}

/** Times `samples` sequential GET /notes?limit=20 per token, alternating tokens, after warm-up. */
export async function listLatency(stack: StackInfo, tokens: Record<string, string>, samples = 40, warmup = 5): Promise<Record<string, LatencyResult>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(tokens).map((k) => [k, []]));
  const items: Record<string, number> = {};
  const once = async (name: string): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const res = await fetch(`${stack.apiUrl}/notes?limit=20`, { headers: { authorization: `Bearer ${tokens[name]}` } });
      const body = (await res.json()) as { items?: unknown[] };
      const ms = performance.now() - started;
      if (res.status === 200) {
        items[name] = body.items?.length ?? 0;
        return ms;
      }
      // serverless-offline answers 401/502 while it rebuilds after someone's edit: wait, redo the sample.
      if (attempt >= 3) throw new Error(`GET /notes answered ${res.status}: ${JSON.stringify(body)}`);
      await waitForApi(stack, tokens[name]!, () => {});
    }
  };
  for (let i = 0; i < warmup; i++) for (const name of Object.keys(tokens)) await once(name);
  for (let i = 0; i < samples; i++) for (const name of Object.keys(tokens)) times[name]!.push(await once(name));
  return Object.fromEntries(
    Object.entries(times).map(([name, t]) => {
      const sorted = [...t].sort((a, b) => a - b);
      return [name, { medianMs: median(t), p90Ms: sorted[Math.floor(sorted.length * 0.9)]!, samples: t.length, items: items[name] ?? 0 }];
    }),
  );
}
