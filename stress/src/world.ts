// What every part of the suite shares: the route list (straight from the API's contract, so a new
// route is fuzzed and put through the authorization matrix without anyone editing this folder),
// a user with one of everything (note with a revision, trashed note, attachment, API key, link, export), a snapshot of what the
// user can see, and the JSON error shape every refusal must have.
import * as z from 'zod/mini';
import { createAttachmentResponseSchema } from '@jotter/shared/attachments';
import { errorBodySchema } from '@jotter/shared/errors';
import { exportSchema } from '@jotter/shared/exports';
import { createdKeySchema } from '@jotter/shared/keys';
import { noteSchema, type Note } from '@jotter/shared/notes';
import { createdShareSchema } from '@jotter/shared/shares';
import { pathParamNames, routeLabel, routePath, routes, type RouteDefinition } from '@jotter/shared/contract';
import { exampleBody as contractExample, exampleQuery } from '@jotter/shared/contract/examples';
import { apiClient, type ApiClient, type ApiResponse } from '@jotter/tools/testing/api';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';

export { exampleQuery, routes, type RouteDefinition };

/** The route's valid example body, except for a route whose success would delete the suite's user. */
export const exampleBody = (route: RouteDefinition) => (route.deletesCaller ? undefined : contractExample(route));

/** Heavy mode: `pnpm test:stress` sets JOTTER_STRESS=1. */
export const heavy = process.env.JOTTER_STRESS === '1';

export const label = routeLabel;
export const pathParams = pathParamNames;

/** Fills a path template; values are URL-encoded (a fuzzer's ids may contain anything). */
export function fillPath(route: RouteDefinition, values: Record<string, string>, encode = true): string {
  return routePath(route, values, encode ? encodeSegment : (value) => value);
}

/** Percent-encodes a path segment byte by byte (lone surrogates become U+FFFD, as on the wire). */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** One user's things, each a target for the routes' path parameters. */
export interface World {
  user: TestUser;
  api: ApiClient;
  /** An active note, with a pending attachment and one revision (`revision`). */
  note: Note;
  /** A note in the trash. */
  trashed: Note;
  attachmentId: string;
  keyId: string;
  keyValue: string;
  /** A public link of `note`, and its token. */
  shareId: string;
  shareToken: string;
  revision: string;
  /** An export (running or finished). */
  exportId: string;
}

export async function expectStatus(response: Promise<ApiResponse> | ApiResponse, status: number, what: string): Promise<ApiResponse> {
  const r = await response;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${r.text.slice(0, 300)}`);
  return r;
}

export async function createWorld(stack: StackInfo, user?: TestUser): Promise<World> {
  user ??= await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  const first = z.parse(noteSchema, (await expectStatus(api.post('/notes', { title: 'fixture', content: 'first' }), 201, 'create note')).body);
  // The edit keeps version 1's text as revision 1.
  const note = z.parse(noteSchema, (await expectStatus(api.put(`/notes/${first.noteId}`, { content: 'kept', version: first.version }), 200, 'edit note')).body);
  const trashed = z.parse(noteSchema, (await expectStatus(api.post('/notes', { title: 'trashed', content: 'in the trash' }), 201, 'create note')).body);
  await expectStatus(api.delete(`/notes/${trashed.noteId}`), 204, 'trash note');
  const upload = z.parse(
    createAttachmentResponseSchema,
    (await expectStatus(api.post(`/notes/${note.noteId}/attachments`, { fileName: 'a.txt', contentType: 'text/plain', size: 10 }), 201, 'create attachment')).body,
  );
  const key = z.parse(createdKeySchema, (await expectStatus(api.post('/keys', { name: 'fixture key' }), 201, 'create key')).body);
  const share = z.parse(createdShareSchema, (await expectStatus(api.post(`/notes/${note.noteId}/shares`, {}), 201, 'create share')).body);
  const shareToken = share.url.split('/s/')[1]!;
  const started = z.parse(exportSchema, (await expectStatus(api.post('/exports'), 202, 'start export')).body);
  return {
    user,
    api,
    note,
    trashed,
    attachmentId: upload.attachment.attachmentId,
    keyId: key.keyId,
    keyValue: key.value,
    shareId: share.shareId,
    shareToken,
    revision: '1',
    exportId: started.exportId,
  };
}

/**
 * The value of each path parameter that names one of the world's own things, for a route. Routes
 * under /trash act on the trashed note; everything else on the active one.
 */
export function ownIds(route: RouteDefinition, world: World): Record<string, string> {
  const ids: Record<string, string> = {
    noteId: route.path.startsWith('/trash/') ? world.trashed.noteId : world.note.noteId,
    attachmentId: world.attachmentId,
    keyId: world.keyId,
    shareId: world.shareId,
    token: world.shareToken,
    revision: world.revision,
    exportId: world.exportId,
  };
  for (const p of pathParams(route)) if (!(p in ids)) throw new Error(`${label(route)}: the suite does not know what {${p}} names; add it to ownIds (stress/src/world.ts)`);
  return ids;
}

/** Every page of a list. */
async function listAll(api: ApiClient, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const r: ApiResponse<{ items: unknown[]; nextCursor: string | null }> = await api.get(`${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200 || !r.body) throw new Error(`snapshot ${path}: ${r.status} ${r.text.slice(0, 200)}`);
    items.push(...r.body.items);
    cursor = r.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`snapshot ${path}: more than 100 pages`);
}

/**
 * Everything the user can see: notes, trash, keys, each note's links and revisions (links without their views: a
 * public read counts, by design). With `ignoreKeyUsage`, the keys' usage counters and lastUsedAt
 * are left out (a /v1 request is metered even when it is answered 404, by design).
 */
export async function snapshot(api: ApiClient, opts: { ignoreKeyUsage?: boolean } = {}): Promise<string> {
  const keys = await api.get<{ items: Record<string, unknown>[] }>('/keys');
  if (keys.status !== 200 || !keys.body) throw new Error(`snapshot /keys: ${keys.status}`);
  const keyItems = opts.ignoreKeyUsage ? keys.body.items.map(({ usage: _u, lastUsedAt: _l, ...rest }) => rest) : keys.body.items;
  const notes = (await listAll(api, '/notes')) as { noteId: string }[];
  const shares: Record<string, unknown> = {};
  const revisions: Record<string, unknown> = {};
  for (const { noteId } of notes) {
    const r = await api.get<{ items: Record<string, unknown>[] }>(`/notes/${noteId}/shares`);
    if (r.status !== 200 || !r.body) throw new Error(`snapshot shares of ${noteId}: ${r.status}`);
    shares[noteId] = r.body.items.map(({ views: _v, ...rest }) => rest);
    revisions[noteId] = await listAll(api, `/notes/${noteId}/revisions`);
  }
  return JSON.stringify({ notes, trash: await listAll(api, '/trash'), keys: keyItems, shares, revisions });
}

/** Whether a response is an error in the contract's shape: `{"error":{"code","message"[,"details"][,"requestId"]}}`. */
export function errorShapeProblem(response: ApiResponse): string | undefined {
  if (response.status < 400) return undefined;
  if (!response.headers.get('content-type')?.includes('application/json')) return `content-type ${response.headers.get('content-type')}`;
  const parsed = z.safeParse(z.strictObject({ error: z.strictObject({ code: z.string().check(z.regex(/^[a-z_]+$/)), message: z.string().check(z.minLength(1)), details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))), requestId: z.optional(z.string().check(z.minLength(1))) }) }), response.body);
  if (!parsed.success) return `body is not the error shape: ${response.text.slice(0, 200)}`;
  // The shared schema too (it is what clients parse with).
  if (!z.safeParse(errorBodySchema, response.body).success) return 'body does not parse with errorBodySchema';
  return undefined;
}

/** A raw request (no JSON encoding): for bodies that are not JSON, odd headers and raw paths. */
export async function rawRequest(stack: StackInfo, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<ApiResponse> {
  const res = await fetch(`${stack.apiUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}
