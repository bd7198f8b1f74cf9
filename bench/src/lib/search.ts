// Search at scale: one user with 10,000 notes of ~1 KB (seeded straight into DynamoDB Local, then
// indexed by the stack's own stream → indexer path), searched over HTTP; the size of that index,
// the time to rebuild it from the table, and how soon a write is findable (freshness).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { StackInfo } from '../../../tools/src/testing/stack';
import { REPO_ROOT } from './metrics';
import { noteItem } from './scale';

/** A deterministic pseudo-random sequence (mulberry32): the same notes every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'den', 'mar', 'sol', 'tri', 'qua', 'ber', 'lin', 'gor', 'pha', 'zen', 'cor', 'dra'];
/** A vocabulary of ~6,000 words with a Zipf-like use: a few common, most rare (as in real notes). */
const vocabulary = (() => {
  const next = random(7);
  const words = new Set<string>(['kyoto', 'budget', 'meeting', 'recipe', 'travel', 'invoice', 'garden', 'project', 'café', 'naïve']);
  while (words.size < 6_000) words.add(Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  return [...words];
})();

function noteText(index: number) {
  const next = random(index + 1);
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 2.5)]!;
  const title = Array.from({ length: 3 + Math.floor(next() * 4) }, word).join(' ');
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 1_000) {
    const paragraph = `${Array.from({ length: 12 + Math.floor(next() * 20) }, word).join(' ')}.`;
    paragraphs.push(next() < 0.2 ? `- **${paragraph}**` : paragraph);
    length += paragraph.length + 2;
  }
  return { title: title.charAt(0).toUpperCase() + title.slice(1), content: paragraphs.join('\n\n') };
}

/** A seeded note of ~1 KB of Markdown with the shape `noteItem` writes. */
export function searchNoteItem(sub: string, index: number, baseTime: number) {
  const { title, content } = noteText(index);
  return { ...noteItem(sub, index, baseTime), title: { S: title }, content: { S: content } };
}

/** Queries of the kinds users type: common and rare words, a prefix, a typo, a phrase, a tag filter. */
export const benchQueries = ['kyoto', 'budget meeting', 'kalo', 'mar', 'recipe garden', 'budgte', '"kyoto budget"', 'café', 'travel tag:work', vocabulary[4_000]!];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
export const p50 = (values: number[]) => percentile(values, 0.5);
export const p95 = (values: number[]) => percentile(values, 0.95);

/** The user's search manifest (version, documents, bytes), or undefined. */
export async function manifestOf(stack: StackInfo, sub: string): Promise<{ documents?: number; bytes?: number; version?: number } | undefined> {
  const client = new DynamoDBClient({ endpoint: stack.dynamodbEndpoint, region: stack.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const result = await client.send(new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: `USER#${sub}` }, sk: { S: 'SEARCH' } }, ConsistentRead: true }));
    const number = (name: string) => (result.Item?.[name]?.N === undefined ? undefined : Number(result.Item[name].N));
    return result.Item ? { documents: number('documents'), bytes: number('bytes'), version: number('version') } : undefined;
  } finally {
    client.destroy();
  }
}

/** Waits until the user's index holds `count` notes (the stream delivered every seeded note); the milliseconds it took. */
export async function waitForIndexed(stack: StackInfo, sub: string, count: number, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (((await manifestOf(stack, sub))?.documents ?? 0) >= count) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`the search index of ${sub} did not reach ${count} notes in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function get(stack: StackInfo, token: string, query: string): Promise<{ items: { noteId: string }[] }> {
  const response = await fetch(`${stack.apiUrl}/search?q=${encodeURIComponent(query)}&limit=20`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET /search?q=${query} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { items: { noteId: string }[] };
}

/** Sequential searches over HTTP (the queries in turn), after a warm-up that loads the index. */
export async function searchLatency(stack: StackInfo, token: string, samples = 200, warmup = 10): Promise<{ times: number[]; hits: number }> {
  for (let i = 0; i < warmup; i++) await get(stack, token, benchQueries[i % benchQueries.length]!);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    hits += (await get(stack, token, benchQueries[i % benchQueries.length]!)).items.length;
    times.push(performance.now() - started);
  }
  return { times, hits };
}

/**
 * From a write's 2xx to the first search that shows its effect: a new note found, then (after it is
 * trashed) gone. Polled every 20 ms.
 */
export async function freshness(stack: StackInfo, token: string, samples = 20): Promise<number[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const until = async (query: string, noteId: string, present: boolean, since: number) => {
    for (;;) {
      if ((await get(stack, token, query)).items.some((item) => item.noteId === noteId) === present) return performance.now() - since;
      if (performance.now() - since > 30_000) throw new Error(`"${query}" did not ${present ? 'find' : 'lose'} ${noteId} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const word = `fresh${i}x${Date.now().toString(36)}`;
    const created = await fetch(`${stack.apiUrl}/notes`, { method: 'POST', headers, body: JSON.stringify({ title: `Freshness ${i}`, content: `The word is ${word}.` }) });
    let since = performance.now();
    const { noteId } = (await created.json()) as { noteId: string };
    times.push(await until(word, noteId, true, since));
    const trashed = await fetch(`${stack.apiUrl}/notes/${noteId}`, { method: 'DELETE', headers });
    since = performance.now();
    if (trashed.status !== 204) throw new Error(`DELETE answered ${trashed.status}`);
    times.push(await until(word, noteId, false, since));
  }
  return times;
}

/**
 * `pnpm --filter @jotter/api search:rebuild <sub>` against the stack; the milliseconds it reports.
 * Asynchronous: the stack's S3 emulator runs in this process and must keep answering.
 */
export async function rebuildTime(stack: StackInfo, sub: string): Promise<number> {
  const run = await promisify(execFile)('pnpm', ['--filter', '@jotter/api', 'search:rebuild', sub], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, JOTTER_STACK_FILE: stack.stackFile } }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`search:rebuild failed: ${error.stdout ?? ''}${error.stderr ?? ''}`);
  });
  const ms = /, (\d+) ms$/m.exec(run.stdout)?.[1];
  if (!ms) throw new Error(`search:rebuild printed no time: ${run.stdout}`);
  return Number(ms);
}
