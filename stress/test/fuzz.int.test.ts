// Fuzzing: for every route of the contract, fast-check sends random and malformed
// bodies, query strings, path ids and headers with a valid credential (the authorization matrix
// covers credentials). Properties, per request:
//   - never a 5xx (nor a dropped connection or a timeout);
//   - every error is the JSON error shape {"error":{"code","message"[,"details"]}};
//   - a success is the contract's success status;
//   - a refused request changes nothing: the user's notes, trash and keys are the same after it.
// FUZZ_RUNS sets the runs per route (20 in `pnpm test`, 200 in `pnpm test:stress`); FUZZ_SEED
// replays a run.
import fc from 'fast-check';
import { readStack } from '@jotter/tools/testing/stack';
import { apiClient } from '@jotter/tools/testing/api';
import { createdKeySchema } from '@jotter/shared/keys';
import * as z from 'zod/mini';
import { describeRequest, requestArbitrary, type FuzzRequest } from '../src/arbitraries';
import { recordFigures } from '../src/figures';
import { createWorld, errorShapeProblem, fillPath, heavy, label, ownIds, rawRequest, routes, snapshot, type RouteDefinition, type World } from '../src/world';

const runs = Number(process.env.FUZZ_RUNS ?? (heavy ? 200 : 20));
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
jest.setTimeout(Math.max(120_000, runs * 3_000));

const stack = readStack();
const origin = new URL(stack.webUrl).origin;
// Someone else's things, to use as path ids (created once; tests run concurrently).
let strangerPromise: Promise<World> | undefined;
const strangerWorld = () => (strangerPromise ??= createWorld(stack));
const totals = { requests: 0, refused: 0, accepted: 0, unsendable: 0, byStatus: {} as Record<number, number> };

/** /v1 requests are metered (100 a day per key on the dev stage): rotate through up to 10 keys. */
async function keyPool(world: World, needed: number): Promise<string[]> {
  const keys = [world.keyValue];
  while (keys.length < Math.min(10, Math.ceil(needed / 90))) {
    const r = await world.api.post('/keys', { name: `fuzz ${keys.length}` });
    if (r.status !== 201) throw new Error(`key pool: ${r.status} ${r.text}`);
    keys.push(z.parse(createdKeySchema, r.body).value);
  }
  return keys;
}

function pathOf(route: RouteDefinition, r: FuzzRequest): string {
  const safeRaw = r.rawPath && Object.values(r.ids).every((id) => /^[\x21-\x7e]*$/.test(id) && !/[?#%]/.test(id));
  return `${fillPath(route, r.ids, !safeRaw)}${r.query}`;
}

describe.each(routes.map((r) => [label(r), r] as const))('%s', (_, route) => {
  // Routes are fuzzed side by side (Jest's maxConcurrency, 5): each has its own user.
  it.concurrent(`survives ${runs} hostile requests`, async () => {
    const [world, stranger] = await Promise.all([createWorld(stack), strangerWorld()]);
    const own = ownIds(route, world);
    const foreign = [stranger.note.noteId, stranger.trashed.noteId, stranger.attachmentId, stranger.keyId];
    const keys = route.auth === 'apiKey' ? await keyPool(world, runs * 2) : [];
    let sent = 0;
    let known = await snapshot(world.api, { ignoreKeyUsage: route.auth === 'apiKey' });
    const statuses: Record<number, number> = {};

    await fc.assert(
      fc.asyncProperty(requestArbitrary(route, own, foreign), async (request) => {
        const path = pathOf(route, request);
        const headers: Record<string, string> = { origin, ...request.headers };
        if (route.auth === 'user') headers.authorization = `Bearer ${world.user.accessToken}`;
        if (route.auth === 'apiKey') headers['x-api-key'] = keys[Math.floor(sent / 90) % keys.length]!;
        const body = request.method === 'GET' ? undefined : request.body;
        if (body === undefined) delete headers['content-encoding'];
        // GETs of user routes are reads; everything else is compared with the last known state.
        const watched = request.method !== 'GET' || route.auth === 'apiKey';

        let response;
        try {
          response = await rawRequest(stack, request.method, path, body, headers);
        } catch (error) {
          // Requests fetch itself refuses to send (an invalid URL) are not the API's business.
          if (error instanceof TypeError && !/fetch failed|terminated|socket/i.test(`${error.message} ${String(error.cause)}`)) {
            totals.unsendable++;
            return true;
          }
          throw new Error(`no answer (${(error as Error).message}; ${String((error as Error).cause)}) to ${describeRequest(path, request)}`, { cause: error });
        }
        sent++;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const where = `${response.status} ${response.text.slice(0, 300)} ← ${describeRequest(path, request)}`;
        if (response.status >= 500) throw new Error(`5xx: ${where}`);
        if (response.status >= 400) {
          const problem = errorShapeProblem(response);
          if (problem) throw new Error(`${problem}: ${where}`);
          if (watched) {
            const after = await snapshot(world.api, { ignoreKeyUsage: route.auth === 'apiKey' });
            if (after !== known) throw new Error(`a refused request changed the user's data: ${where}`);
          }
        } else {
          if (response.status !== route.response.status) throw new Error(`success status ${response.status}, the contract says ${route.response.status}: ${where}`);
          // An accepted write is the new baseline.
          if (watched) known = await snapshot(world.api, { ignoreKeyUsage: route.auth === 'apiKey' });
        }
        return true;
      }),
      { numRuns: runs, seed, endOnFailure: true, interruptAfterTimeLimit: Math.max(100_000, runs * 2_500) },
    );
    totals.requests += sent;
    for (const [status, n] of Object.entries(statuses)) {
      totals.byStatus[Number(status)] = (totals.byStatus[Number(status)] ?? 0) + n;
      if (Number(status) >= 400) totals.refused += n;
      else totals.accepted += n;
    }
    expect(sent).toBeGreaterThan(runs * 0.8);
    // The credential still works: the route was exercised, not just refused at the door.
    expect((await apiClient(stack, world.user.accessToken).get('/me')).status).toBe(200);
  });
});

afterAll(() => {
  recordFigures('fuzzing', {
    routes: routes.length,
    runsPerRoute: runs,
    seed,
    requests: totals.requests,
    accepted: totals.accepted,
    refused4xx: totals.refused,
    status5xx: Object.entries(totals.byStatus).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0),
    statuses: Object.entries(totals.byStatus).map(([s, n]) => `${s}:${n}`).join(' '),
  });
});
