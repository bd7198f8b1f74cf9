// DynamoDB calls per request: every HTTP route of the contract runs its handler in this process (as
// Lambda would run it) against a local stack's emulators, with a middleware on Dynamoose's DynamoDB
// client that records each command. Shared by `pnpm bench` and the bench-ci Jest test. A new route
// of the contract is measured without editing this file: its handler is found through the
// functions' http events (services/api/functions/*.yml), its body is its schema's example, and its
// path parameters name a freshly created note (trashed for /trash routes), attachment or key.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import * as z from 'zod/mini';
import { pathParamNames, routeLabel, routes, type RouteDefinition } from '@jotter/shared/contract';
import { createAttachmentRoute } from '@jotter/shared/contract/attachments';
import { exampleBody, exampleQuery } from '@jotter/shared/contract/examples';
import { startExportRoute } from '@jotter/shared/contract/exports';
import { createKeyRoute } from '@jotter/shared/contract/keys';
import { createNoteRoute, trashNoteRoute, updateNoteRoute } from '@jotter/shared/contract/notes';
import { createShareRoute } from '@jotter/shared/contract/shares';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { craftZip } from '@jotter/tools/testing/zip';
import { apiEvent, functionEnv, userAuthorizer, type EventInput } from './events';
import { API_DIR } from './bundles';

export interface RouteCalls {
  route: string;
  /** user: Cognito access token (authorizer cached on AWS); apiKey: /v1 (authorizer runs every request). */
  auth: RouteDefinition['auth'];
  status: number;
  expectedStatus: number;
  /** DynamoDB command names, in order (authorizer's first for /v1). */
  commands: string[];
}

type Handler = (event: unknown, context?: unknown) => Promise<{ statusCode: number; body: string } & Record<string, unknown>>;

interface DdbClient {
  middlewareStack: {
    add(mw: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>, options: { step: string; name: string }): void;
  };
}

// require, not import(): CommonJS under both tsx and Jest, so the api's modules load through the
// same module registry as the test (one Dynamoose instance, one config cache).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(file: string): T => require(file) as T;

interface FunctionDefinition {
  handler: string;
  events?: { http?: { method: string; path: string } }[];
}

/** `METHOD /path` → the handler module serving it, from the functions' http events. */
export function handlerFiles(): Map<string, string> {
  const dir = path.join(API_DIR, 'functions');
  const files = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    const functions = (YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { logLevel: 'error' }) ?? {}) as Record<string, FunctionDefinition>;
    for (const fn of Object.values(functions)) {
      for (const { http } of fn.events ?? []) {
        if (http) files.set(routeLabel({ method: http.method.toLowerCase() as RouteDefinition['method'], path: `/${http.path}` }), path.join(API_DIR, `${fn.handler.replace(/\.\w+$/, '')}.ts`));
      }
    }
  }
  return files;
}

/** Extra requests worth measuring: a route's other path through its code. */
const variants: Partial<Record<string, { label: string; status: number; body: (version: number) => unknown }>> = {
  // Runs after the route's own request, which moved the note past `version`.
  updateNote: { label: '409 stale version', status: 409, body: (version) => ({ title: 'Stale', version }) },
};

/**
 * Routes whose measured request answers other than the route's success status: the bench uploads
 * nothing, so a download of its attachment is 409 attachment_not_ready, after the same reads.
 */
const drivenStatus: Partial<Record<string, number>> = { getAttachment: 409 };

/** Runs every route of the contract once for `user` and returns the DynamoDB commands each one sent. */
export async function measureDdbCalls(stack: StackInfo, user: TestUser): Promise<RouteCalls[]> {
  Object.assign(process.env, functionEnv(stack));
  const { tableModels } = load<{ tableModels: () => unknown }>(path.join(API_DIR, 'src', 'domain', 'table.ts'));
  tableModels();
  // The same module instance services/api resolves (pnpm links it; Jest and Node both use the real path).
  const dynamoose = load<{ aws: { ddb: () => DdbClient } }>(path.join(API_DIR, 'node_modules', 'dynamoose'));
  let commands: string[] = [];
  dynamoose.aws.ddb().middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'benchCountDynamoDbCalls' },
  );

  const files = handlerFiles();
  const handlerOf = (route: Pick<RouteDefinition, 'method' | 'path'>): Handler => {
    const file = files.get(routeLabel(route));
    if (!file) throw new Error(`${routeLabel(route)}: no function serves it (services/api/functions/*.yml)`);
    return load<{ handler: Handler }>(file).handler;
  };
  const auth = userAuthorizer(user.sub);
  const invoke = async (route: RouteDefinition, input: Omit<EventInput, 'method' | 'resource'>, caller = user) => {
    const response = await handlerOf(route)(apiEvent({ method: route.method.toUpperCase(), resource: route.path, headers: { authorization: `Bearer ${caller.accessToken}` }, authorizer: userAuthorizer(caller.sub), ...input }), { awsRequestId: 'bench' });
    let body: Record<string, unknown> | undefined;
    try {
      body = response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, body };
  };

  /** Fresh things for one route's path parameters to name (created through the handlers, not counted). */
  async function targetsOf(route: RouteDefinition): Promise<{ pathParameters: Record<string, string>; version: number }> {
    const names = pathParamNames(route);
    const pathParameters: Record<string, string> = {};
    let version = 1;
    if (names.includes('noteId')) {
      const note = (await invoke(createNoteRoute, { body: exampleBody(createNoteRoute) })).body as { noteId: string; version: number };
      if (route.path.startsWith('/trash/')) await invoke(trashNoteRoute, { pathParameters: { noteId: note.noteId } });
      pathParameters.noteId = note.noteId;
      version = note.version;
    }
    if (names.includes('revision')) {
      // An edit keeps the text it replaces as the revision named by its version.
      version = ((await invoke(updateNoteRoute, { pathParameters, body: { content: 'edited', version } })).body as { version: number }).version;
      pathParameters.revision = String(version - 1);
    }
    if (names.includes('attachmentId')) {
      const upload = (await invoke(createAttachmentRoute, { pathParameters, body: exampleBody(createAttachmentRoute) })).body as { attachment: { attachmentId: string } };
      pathParameters.attachmentId = upload.attachment.attachmentId;
    }
    if (names.includes('shareId') || names.includes('token')) {
      // The public route reads a link of a fresh note (its token is in the link's URL).
      if (!pathParameters.noteId) pathParameters.noteId = ((await invoke(createNoteRoute, { body: exampleBody(createNoteRoute) })).body as { noteId: string }).noteId;
      const share = (await invoke(createShareRoute, { pathParameters: { noteId: pathParameters.noteId }, body: exampleBody(createShareRoute) })).body as { shareId: string; url: string };
      if (names.includes('shareId')) pathParameters.shareId = share.shareId;
      else {
        pathParameters.token = share.url.split('/s/')[1]!;
        delete pathParameters.noteId;
      }
    }
    if (names.includes('exportId')) pathParameters.exportId = ((await invoke(startExportRoute, {})).body as { exportId: string }).exportId;
    if (names.includes('keyId')) pathParameters.keyId = ((await invoke(createKeyRoute, { body: exampleBody(createKeyRoute) })).body as { keyId: string }).keyId;
    const unknown = names.filter((name) => !(name in pathParameters));
    if (unknown.length) throw new Error(`${routeLabel(route)}: the bench does not know what {${unknown.join('}, {')}} names; add it to targetsOf (bench/src/lib/ddb-calls.ts)`);
    return { pathParameters, version };
  }

  // One key for the /v1 routes (a user may have 10).
  const apiKey = ((await invoke(createKeyRoute, { body: exampleBody(createKeyRoute) })).body as { value: string }).value;
  const results: RouteCalls[] = [];
  for (const route of routes) {
    const { pathParameters, version } = await targetsOf(route);
    const example = exampleBody(route) as Record<string, unknown> | undefined;
    // A versioned write names the target's current version (the schema's example cannot know it).
    const body = example && 'version' in example ? { ...example, version } : example;
    const requests = [{ label: routeLabel(route), status: drivenStatus[route.operationId] ?? (route.response.status as number), body: body as unknown }];
    const variant = variants[route.operationId];
    if (variant) requests.push({ label: `${routeLabel(route)} (${variant.label})`, status: variant.status, body: variant.body(version) });
    for (const request of requests) {
      commands = [];
      let authorizer: EventInput['authorizer'] = auth;
      if (route.auth === 'apiKey') {
        // /v1: the authorizer runs on every request (no cache), so its calls belong to the request.
        const authorize = load<{ handler: Handler }>(path.join(API_DIR, 'src', 'handlers', 'v1', 'authorize.ts')).handler;
        const decision = (await authorize({ type: 'REQUEST', methodArn: 'arn:aws:execute-api:us-east-1:000000000000:bench/prod/GET/v1/notes', headers: { 'x-api-key': apiKey } })) as unknown as { context: Record<string, string> };
        authorizer = decision.context;
      }
      // The route's example query, else a page of 20 for a list; a query without `limit` (PUT ?overwrite) gets none.
      const query = route.query ? (exampleQuery(route) ?? (z.safeParse(route.query, { limit: '20' }).success ? { limit: '20' } : undefined)) : undefined;
      // A route that deletes its caller (DELETE /me) deletes a user of its own, not the bench's.
      const caller = route.deletesCaller ? await createTestUser(stack) : user;
      if (caller !== user) authorizer = userAuthorizer(caller.sub);
      // A binary route (POST /imports) gets a one-note ZIP.
      const binary = route.binaryBody ? { bytes: craftZip([{ name: `bench ${Date.now()}.md`, data: '# Bench\n' }]), contentType: route.binaryBody.contentType } : undefined;
      const { status } = await invoke(route, { pathParameters, ...(query ? { query } : {}), body: request.body, binary, authorizer: route.auth === 'public' ? undefined : authorizer }, caller);
      results.push({ route: request.label, auth: route.auth, status, expectedStatus: request.status, commands: [...commands] });
    }
  }
  return results;
}
