// Limits: bodies over the API's limit are 413 with the JSON error body at every
// size — just over the handler's 1 MiB, and far beyond, where serverless-offline/hapi refuses them
// before our code runs (the gateway proxy maps hapi's Boom body to our REQUEST_TOO_LARGE gateway
// response, as API Gateway would) — and a burst of note creations by one user keeps working (or is
// limited with 429 + Retry-After), never 5xx. 100 notes in `pnpm test`, 1,000 in `pnpm test:stress`.
import { gzipSync } from 'node:zlib';
import { readStack } from '@jotter/tools/testing/stack';
import { apiClient } from '@jotter/tools/testing/api';
import { createTestUser } from '@jotter/tools/testing/users';
import { percentile, recordFigures } from '../src/figures';
import { errorShapeProblem, heavy, rawRequest, snapshot } from '../src/world';

jest.setTimeout(300_000);
const stack = readStack();
const MiB = 1024 * 1024;

describe('request bodies over the limit', () => {
  // The handler's limit is 1 MiB (services/api/src/http/route.ts maxBodyBytes); hapi's own payload
  // limit, API Gateway's 10 MB and Lambda's 6 MB lie beyond it.
  it.each([
    ['just over 1 MiB', MiB + 1],
    ['2 MiB', 2 * MiB],
    ['6 MiB (Lambda payload limit)', 6 * MiB + 1],
    ['11 MiB (over API Gateway 10 MB)', 11 * MiB],
  ])('%s → 413 payload_too_large with the error body, nothing written', async (_, size) => {
    const user = await createTestUser(stack);
    const api = apiClient(stack, user.accessToken);
    const before = await snapshot(api);
    const filler = 'x'.repeat(size - JSON.stringify({ title: 'big', content: '' }).length);
    const body = JSON.stringify({ title: 'big', content: filler });
    expect(Buffer.byteLength(body)).toBe(size);
    for (const [method, path] of [
      ['POST', '/notes'],
      ['PUT', '/notes/3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11'],
      ['POST', '/keys'],
    ] as const) {
      const response = await rawRequest(stack, method, path, body, {
        authorization: `Bearer ${user.accessToken}`,
        'content-type': 'application/json',
        origin: new URL(stack.webUrl).origin,
      });
      expect({ what: `${method} ${path}`, status: response.status, problem: errorShapeProblem(response) }).toEqual({ what: `${method} ${path}`, status: 413, problem: undefined });
      expect((response.body as { error: { code: string } }).error.code).toBe('payload_too_large');
      expect(response.headers.get('access-control-allow-origin')).toBe(new URL(stack.webUrl).origin);
    }
    expect(await snapshot(api)).toBe(before);
  });

  // Found by the stress run: serverless-offline answers the authorizer's 401 before reading a large
  // body and closes; the local gateway proxy turned the failed write into a 502.
  it('an oversize body without a token is 401 or 413, never 5xx (10 tries)', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await rawRequest(stack, 'POST', '/notes', 'x'.repeat((i % 2 ? 11 : 2) * MiB), { 'content-type': 'application/json' });
      expect([401, 413]).toContain(response.status);
      expect(errorShapeProblem(response)).toBeUndefined();
    }
  });
});

describe('long paths', () => {
  // Found by the fuzzer: with `Accept-Encoding: gzip` (every browser), hapi gzipped its
  // route-not-found body (> 1 kB with a long path), the local gateway proxy could not recognise it,
  // and the client got serverless-offline's body listing every route instead of our 404.
  const long = '%C3%A9'.repeat(400);
  it.each([[`/nope/${long}`], [`/notes/${long}/attachments/`], [`/v1/${long}/x`]])('an unknown route (%#, 2.4 kB) is our 404 not_found, compressed or not', async (path) => {
    for (const acceptEncoding of ['gzip, deflate, br', 'identity']) {
      const response = await rawRequest(stack, 'GET', path, undefined, { 'accept-encoding': acceptEncoding });
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: { error: { code: 'not_found', message: expect.any(String), requestId: expect.any(String) } } });
      expect(response.text).not.toContain('existingRoutes');
    }
  });
});

describe('compressed request bodies', () => {
  // Found by the fuzzer: `Content-Encoding: gzip` on a body that is not gzip made hapi throw an
  // uncaught "Invalid compressed payload" that killed the whole serverless-offline process (every
  // later request: 502). The gateway now decodes bodies as API Gateway does and refuses bad ones.
  it('an undecodable gzip/deflate/br body is a 400 error body, and the API keeps answering', async () => {
    const user = await createTestUser(stack);
    for (const encoding of ['gzip', 'deflate', 'br', 'compress']) {
      const response = await rawRequest(stack, 'POST', '/notes', '{"title":"x","content":"not compressed"}', {
        authorization: `Bearer ${user.accessToken}`,
        'content-type': 'application/json',
        'content-encoding': encoding,
      });
      expect({ encoding, status: response.status, problem: errorShapeProblem(response) }).toEqual({ encoding, status: 400, problem: undefined });
    }
    expect((await apiClient(stack, user.accessToken).get('/me')).status).toBe(200);
  });

  it('a valid gzip body is decoded and accepted', async () => {
    const user = await createTestUser(stack);
    const response = await fetch(`${stack.apiUrl}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ title: 'zipped', content: 'é'.repeat(1000) })),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { content: string }).content).toBe('é'.repeat(1000));
  });
});

describe('many notes in quick succession by one user', () => {
  const total = heavy ? 1_000 : 100;
  const concurrency = 10;

  it(`${total} creations (${concurrency} at a time): each 201, or 429 with Retry-After; never 5xx; all readable`, async () => {
    const user = await createTestUser(stack);
    const api = apiClient(stack, user.accessToken);
    const created: string[] = [];
    const statuses: Record<number, number> = {};
    const latencies: number[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          for (let attempt = 0; ; attempt++) {
            const t0 = performance.now();
            const response = await api.post('/notes', { title: `burst ${i}`, content: `note number ${i}` });
            latencies.push(performance.now() - t0);
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (response.status === 201) {
              created.push((response.body as { noteId: string }).noteId);
              break;
            }
            if (response.status === 429 && attempt < 5) {
              const retryAfter = Number(response.headers.get('retry-after'));
              expect(Number.isFinite(retryAfter) && retryAfter >= 0).toBe(true);
              await new Promise((r) => setTimeout(r, Math.min(retryAfter, 5) * 1000));
              continue;
            }
            throw new Error(`note ${i}: ${response.status} ${response.text.slice(0, 200)}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    // Every acknowledged note is listed exactly once, with its own content.
    const listed = JSON.parse(await snapshot(api)) as { notes: { noteId: string; title: string; content: string }[] };
    expect(listed.notes).toHaveLength(created.length);
    expect(new Set(listed.notes.map((n) => n.noteId))).toEqual(new Set(created));
    for (const note of listed.notes) expect(note.content).toBe(`note number ${note.title.slice('burst '.length)}`);
    recordFigures(`limits: ${total} notes by one user`, {
      created: created.length,
      seconds: Number(seconds.toFixed(1)),
      perSecond: Number((created.length / seconds).toFixed(0)),
      p50ms: Number(percentile(latencies, 50).toFixed(0)),
      p99ms: Number(percentile(latencies, 99).toFixed(0)),
      status429: statuses[429] ?? 0,
      status5xx: 0,
      lost: total - created.length,
    });
  });
});
