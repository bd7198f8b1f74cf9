// DynamoDB calls per request: every HTTP route's handler runs in this process (as Lambda would run
// it) against a local stack's emulators, with a middleware on Dynamoose's DynamoDB client that
// records each command. Shared by `pnpm bench` and the bench-ci Jest test.
import path from 'node:path';
import type { StackInfo } from '../../../tools/src/testing/stack';
import type { TestUser } from '../../../tools/src/testing/users';
import { apiEvent, functionEnv, userAuthorizer, type EventInput } from './events';
import { API_DIR } from './bundles';

export interface RouteCalls {
  route: string;
  /** user: Cognito access token (authorizer cached on AWS); apiKey: /v1 (authorizer runs every request). */
  auth: 'public' | 'user' | 'apiKey';
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

async function loadHandler(file: string): Promise<Handler> {
  return load<{ handler: Handler }>(path.join(API_DIR, 'src', 'handlers', file)).handler;
}

/** Runs every route once for `user` and returns the DynamoDB commands each one sent. */
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

  const results: RouteCalls[] = [];
  const auth = userAuthorizer(user.sub);
  const bearer = { authorization: `Bearer ${user.accessToken}` };

  async function call(
    label: string,
    kind: RouteCalls['auth'],
    file: string,
    input: EventInput,
    expectedStatus: number,
    before?: () => Promise<void>,
  ): Promise<unknown> {
    commands = [];
    await before?.();
    const handler = await loadHandler(file);
    const response = await handler(apiEvent(input), { awsRequestId: 'bench' });
    results.push({ route: label, auth: kind, status: response.statusCode, expectedStatus, commands: [...commands] });
    try {
      return response.body ? JSON.parse(response.body) : undefined;
    } catch {
      return undefined;
    }
  }

  await call('GET /health', 'public', 'health.ts', { method: 'GET', resource: '/health' }, 200);
  await call('GET /openapi.json', 'public', 'openapi.ts', { method: 'GET', resource: '/openapi.json' }, 200);
  await call('GET /me', 'user', 'me.ts', { method: 'GET', resource: '/me', headers: bearer, authorizer: auth }, 200);
  const note = (await call('POST /notes', 'user', 'notes/create.ts', { method: 'POST', resource: '/notes', body: { title: 'Bench', content: 'calls per request' }, authorizer: auth }, 201)) as { noteId: string; version: number };
  const noteId = note.noteId;
  const p = { noteId };
  await call('GET /notes', 'user', 'notes/list.ts', { method: 'GET', resource: '/notes', query: { limit: '20' }, authorizer: auth }, 200);
  await call('GET /notes/{noteId}', 'user', 'notes/get.ts', { method: 'GET', resource: '/notes/{noteId}', pathParameters: p, authorizer: auth }, 200);
  await call('PUT /notes/{noteId}', 'user', 'notes/update.ts', { method: 'PUT', resource: '/notes/{noteId}', pathParameters: p, body: { title: 'Bench 2', version: note.version }, authorizer: auth }, 200);
  await call('PUT /notes/{noteId} (409 stale version)', 'user', 'notes/update.ts', { method: 'PUT', resource: '/notes/{noteId}', pathParameters: p, body: { title: 'Bench 3', version: note.version }, authorizer: auth }, 409);

  const upload = (await call('POST /notes/{noteId}/attachments', 'user', 'attachments/create.ts', { method: 'POST', resource: '/notes/{noteId}/attachments', pathParameters: p, body: { fileName: 'bench.txt', contentType: 'text/plain', size: 12 }, authorizer: auth }, 201)) as { attachment?: { attachmentId: string } } | undefined;
  const attachmentId = upload?.attachment?.attachmentId ?? 'missing';
  const ap = { noteId, attachmentId };
  // A pending attachment (nothing uploaded): 409 attachment_not_ready, after the same reads as a download.
  await call('GET /notes/{noteId}/attachments/{attachmentId}', 'user', 'attachments/get.ts', { method: 'GET', resource: '/notes/{noteId}/attachments/{attachmentId}', pathParameters: ap, authorizer: auth }, 409);
  await call('DELETE /notes/{noteId}/attachments/{attachmentId}', 'user', 'attachments/delete.ts', { method: 'DELETE', resource: '/notes/{noteId}/attachments/{attachmentId}', pathParameters: ap, authorizer: auth }, 204);

  const key = (await call('POST /keys', 'user', 'keys/create.ts', { method: 'POST', resource: '/keys', body: { name: 'bench' }, authorizer: auth }, 201)) as { keyId: string; value: string } | undefined;
  await call('GET /keys', 'user', 'keys/list.ts', { method: 'GET', resource: '/keys', authorizer: auth }, 200);
  if (key?.value) {
    // /v1: the authorizer runs on every request (no cache), so its calls belong to the request.
    const v1 = async (label: string, file: string, input: Omit<EventInput, 'authorizer'>) => {
      commands = [];
      const authorizer = await loadHandler('v1/authorize.ts');
      const decision = (await authorizer({ type: 'REQUEST', methodArn: 'arn:aws:execute-api:us-east-1:000000000000:bench/prod/GET/v1/notes', headers: { 'x-api-key': key.value } })) as unknown as { context: Record<string, string> };
      const before = [...commands];
      await call(label, 'apiKey', file, { ...input, authorizer: decision.context }, 200);
      results.at(-1)!.commands.unshift(...before);
    };
    await v1('GET /v1/notes', 'v1/list-notes.ts', { method: 'GET', resource: '/v1/notes', query: { limit: '20' } });
    await v1('GET /v1/notes/{noteId}', 'v1/get-note.ts', { method: 'GET', resource: '/v1/notes/{noteId}', pathParameters: p });
    await call('DELETE /keys/{keyId}', 'user', 'keys/delete.ts', { method: 'DELETE', resource: '/keys/{keyId}', pathParameters: { keyId: key.keyId }, authorizer: auth }, 204);
  }

  await call('DELETE /notes/{noteId}', 'user', 'notes/delete.ts', { method: 'DELETE', resource: '/notes/{noteId}', pathParameters: p, authorizer: auth }, 204);
  await call('GET /trash', 'user', 'trash/list.ts', { method: 'GET', resource: '/trash', query: { limit: '20' }, authorizer: auth }, 200);
  await call('POST /trash/{noteId}/restore', 'user', 'trash/restore.ts', { method: 'POST', resource: '/trash/{noteId}/restore', pathParameters: p, authorizer: auth }, 200);
  await call('DELETE /notes/{noteId} (again)', 'user', 'notes/delete.ts', { method: 'DELETE', resource: '/notes/{noteId}', pathParameters: p, authorizer: auth }, 204);
  await call('DELETE /trash/{noteId}', 'user', 'trash/delete.ts', { method: 'DELETE', resource: '/trash/{noteId}', pathParameters: p, authorizer: auth }, 204);
  return results;
}
