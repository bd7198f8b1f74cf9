// Generates the OpenAPI 3.1 document from the route contract (@jotter/shared/contract) and the shared zod
// schemas: components.schemas are the schemas that carry `z.meta({ id })`, and every route gets its
// parameters, body, success answer and all its error answers (the shared Error body, with one
// example per code). Only handlers/openapi.ts imports this module, so no other bundle pays for it.
import * as z from 'zod/mini';
import { errorBodySchema, errorStatus, type ErrorCode } from '@jotter/shared/errors';
import { routeErrors, routes as allRoutes, type RouteDefinition } from '@jotter/shared/contract';
import { responseExamples } from './response-examples';

type Json = Record<string, unknown>;
type Schema = z.core.$ZodType;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Example messages; codes without one get their code spelled out. */
const errorMessages: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'The request body is not valid',
  bad_request: 'The request is not valid',
  invalid_cursor: 'The cursor is not valid for this list; start again without it',
  unauthorized: 'Send a valid credential',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Note was not found',
  version_conflict: 'The note changed since the version you edited',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the body as application/json',
  too_many_requests: 'Too many requests; slow down and retry.',
  internal_error: 'Something went wrong on our side',
  service_unavailable: 'The service is briefly unavailable; try again in a few seconds',
};

function metaOf(schema: Schema): { id?: string; example?: unknown } {
  return (z.globalRegistry.get(schema) ?? {}) as { id?: string; example?: unknown };
}

function idOf(schema: Schema, where: string): string {
  const { id } = metaOf(schema);
  if (!id) throw new Error(`${where}: the schema needs z.meta({ id }) to become a component`);
  return id;
}

function parameters(location: 'path' | 'query', schema: Schema | undefined): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** The route's own headers (sent with every answer), as OpenAPI response headers. */
const routeHeaders = (route: RouteDefinition): Json =>
  Object.fromEntries(Object.entries(route.headers ?? {}).map(([name, value]) => [name, { description: `Always \`${value}\``, schema: { type: 'string', const: value } }]));

/** A route's limit_exceeded / quota_exceeded example, naming the per-user quota behind it (domain/quotas.ts), if any. */
function quotaErrorExample(route: RouteDefinition, code: 'limit_exceeded' | 'quota_exceeded'): Json {
  if (code === 'quota_exceeded' && route.auth === 'apiKey')
    return { message: 'Your API keys made 20000 requests today (UTC), the most per account and day; try again after midnight UTC', quota: { name: 'v1Requests', limit: 20000, used: 20000 } };
  if (code === 'quota_exceeded')
    return { message: 'You created 50 API keys today (UTC), the most per day; try again after midnight UTC', quota: { name: 'keyCreations', limit: 50, used: 50 } };
  // The 10-keys limit is the key count's, not a quota.
  if (route.path === '/keys') return { message: 'You can have at most 10 API keys; revoke one first' };
  if (route.path.includes('/attachments'))
    return { message: 'Your attachments would take more than the 1024 MiB an account can hold; delete some first', quota: { name: 'attachmentBytes', limit: 1073741824, used: 1073741000 } };
  // The 20-links limit is the note's link count's, not a quota.
  if (route.path.endsWith('/shares')) return { message: 'A note can have at most 20 links; revoke one first' };
  return { message: 'You have 10000 notes, the most an account can hold (the trash included); delete some forever first', quota: { name: 'notes', limit: 10000, used: 10000 } };
}

function errorResponses(route: RouteDefinition): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrors(route)) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  const responses: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const examples = Object.fromEntries(
      codes.map((code) => {
        const error: Json = { code, message: errorMessages[code] ?? code.replace(/_/g, ' ') };
        if (code === 'limit_exceeded' || code === 'quota_exceeded') Object.assign(error, quotaErrorExample(route, code));
        if (code === 'validation_failed') {
          const part = route.body || route.binaryBody ? 'body' : route.query ? 'query' : 'params';
          const field = { body: 'body.title', query: 'query.limit', params: 'params.noteId' }[part];
          error.message = `The request ${part} is not valid`;
          error.details = [{ path: field, message: part === 'query' ? 'must be at most 100' : 'must not be empty' }];
        }
        return [code, { summary: code, value: { error } }];
      }),
    );
    const headers = {
      ...routeHeaders(route),
      ...(codes.includes('quota_exceeded') ? { 'Retry-After': { description: 'Seconds until the quota resets (UTC midnight)', schema: { type: 'integer' } } } : {}),
    };
    responses[String(status)] = {
      description: codes.join(', '),
      ...(Object.keys(headers).length ? { headers } : {}),
      content: { 'application/json': { schema: ref(idOf(errorBodySchema, 'Error')), examples } },
    };
  }
  return responses;
}

function operation(route: RouteDefinition): Json {
  const where = `${route.method.toUpperCase()} ${route.path}`;
  const success: Json = { description: route.response.description, ...(route.headers ? { headers: routeHeaders(route) } : {}) };
  if (route.response.schema) {
    const id = idOf(route.response.schema, where);
    const example = metaOf(route.response.schema).example ?? responseExamples[id];
    success.content = { 'application/json': { schema: ref(id), ...(example !== undefined ? { example } : {}) } };
  } else if (route.response.status !== 204) {
    success.content = { 'application/json': { schema: { type: 'object' } } };
  }
  const op: Json = {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    security: route.auth === 'user' ? [{ bearerAuth: [] }] : route.auth === 'apiKey' ? [{ apiKey: [] }] : [],
  };
  const params = [...parameters('path', route.params), ...parameters('query', route.query)];
  if (params.length) op.parameters = params;
  if (route.body) {
    const { example } = metaOf(route.body);
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: ref(idOf(route.body, where)), ...(example !== undefined ? { example } : {}) } },
    };
  }
  if (route.binaryBody) {
    op.requestBody = {
      required: true,
      description: route.binaryBody.description,
      content: { [route.binaryBody.contentType]: { schema: { type: 'string', format: 'binary', maxLength: route.binaryBody.maxBytes } } },
    };
  }
  op.responses = {
    [String(route.response.status)]: success,
    ...(route.response.created ? { '201': { ...success, description: route.response.created } } : {}),
    ...errorResponses(route),
  };
  return op;
}

/** components.schemas: every schema registered with an id (refs between them stay refs). */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, schema]) => {
        const { $schema, $id, ...rest } = schema;
        void $schema;
        void $id;
        return [id, rest];
      }),
  );
}

export interface OpenApiOptions {
  /** The API's base URL (stage URL), for `servers`. */
  serverUrl?: string;
  routes?: readonly RouteDefinition[];
}

export function openApiDocument({ serverUrl, routes = allRoutes }: OpenApiOptions = {}): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jotter API',
      version: '1.0.0',
      description:
        'Notes, trash and API keys for the signed-in user (Bearer access token), and the read-only developer API under /v1 (x-api-key). ' +
        'Every error answers `{"error":{"code","message","details?"}}`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token of the web app’s user pool (not the ID token).',
        },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A key created with POST /keys (/v1 routes only).' },
      },
    },
  };
}
