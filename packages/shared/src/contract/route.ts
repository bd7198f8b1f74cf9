// The shape of one HTTP route of the API. Each route is one object (contract/<area>.ts) that the
// handler (services/api `route()`), the OpenAPI document, the API Gateway request models, the
// functions' drift test, the fuzzer, the authorization matrix, the bench and the web client all
// read. Browser-safe: zod/mini schemas and strings only.
import type * as z from 'zod/mini';
import type { ErrorCode } from '../errors';

export type Schema = z.core.$ZodType;

/** `user`: Bearer access token; `apiKey`: x-api-key header (the /v1 routes); `public`: nothing. */
export type RouteAuth = 'user' | 'apiKey' | 'public';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route. Area modules declare each as a plain object `… satisfies RouteDefinition`: the literal
 * types (auth, schemas, status) stay for the handler and the web client, and a bundle drops the
 * routes it does not use (a helper function call would keep them all).
 */
export interface RouteDefinition {
  /** The OpenAPI operationId: unique, camelCase. */
  operationId: string;
  method: HttpMethod;
  /** Path template relative to the stage URL, in OpenAPI/API Gateway form: `/notes/{noteId}`. */
  path: string;
  /** The OpenAPI tag the route is listed under. */
  tag: string;
  summary: string;
  description?: string;
  auth: RouteAuth;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /**
   * A body that is not JSON (POST /imports: a ZIP), handed to the handler as bytes. Its type must be
   * one of the REST API's binary media types (serverless.yml), so that it arrives base64-encoded.
   */
  binaryBody?: { contentType: string; maxBytes: number; description: string };
  /** The success answer; its schema's `z.meta({ id, example })` names and illustrates it. */
  response: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: Schema;
    /** Also answers 201 with the same schema, when the request created the resource (PUT create). */
    created?: string;
  };
  /**
   * Errors particular to this route. The implied ones are added by `routeErrors`:
   * validation_failed when it takes input, unauthorized for user/apiKey routes, quota_exceeded and
   * too_many_requests for apiKey routes, internal_error and service_unavailable everywhere.
   */
  errors: readonly ErrorCode[];
  /**
   * Its success deletes the caller's account (DELETE /me): the fuzzer and the authorization matrix
   * never send it a valid body (their users must survive); its integration test covers success.
   * Its DynamoDB calls grow with the account (a marker, one Query per 100 items of the partition and
   * their deletes, a final update), so the 2-call bound of ordinary requests does not apply to it.
   */
  deletesCaller?: true;
  /** Headers sent with every answer of this route, success or error. */
  headers?: Readonly<Record<string, string>>;
}

type Out<S> = S extends Schema ? z.output<S> : undefined;
type In<S> = S extends Schema ? z.input<S> : undefined;

export type ParamsOf<R extends RouteDefinition> = Out<R['params']>;
export type QueryOf<R extends RouteDefinition> = Out<R['query']>;
export type BodyOf<R extends RouteDefinition> = Out<R['body']>;
/** What a client sends: the schemas' input types. */
export type ParamsInput<R extends RouteDefinition> = In<R['params']>;
export type QueryInput<R extends RouteDefinition> = In<R['query']>;
export type BodyInput<R extends RouteDefinition> = In<R['body']>;
/** The success body: the response schema's type, nothing for a 204, unknown when undocumented. */
export type ResponseOf<R extends RouteDefinition> = R['response']['schema'] extends Schema
  ? z.output<R['response']['schema']>
  : R['response']['status'] extends 204
    ? void
    : unknown;

/** `METHOD /path`, the way logs, tests and the bench name a route. */
export const routeLabel = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;

/** The names of the path template's parameters: `/notes/{noteId}` → `['noteId']`. */
export const pathParamNames = (route: Pick<RouteDefinition, 'path'>): string[] =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** The path with its parameters filled in, each encoded: `/notes/{noteId}` → `/notes/3f1c…`. */
export function routePath(
  route: Pick<RouteDefinition, 'method' | 'path'>,
  params: Record<string, string> = {},
  encode: (value: string) => string = encodeURIComponent,
): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeLabel(route)}: no value for path parameter {${name}}`);
    return encode(value);
  });
}

/** Every error code a route can answer with: its own and the implied ones. */
export function routeErrors(route: RouteDefinition): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors);
  if (route.params || route.query || route.body || route.binaryBody) codes.add('validation_failed');
  if (route.auth !== 'public') codes.add('unauthorized');
  if (route.auth === 'apiKey') {
    codes.add('quota_exceeded');
    codes.add('too_many_requests');
  }
  codes.add('internal_error');
  codes.add('service_unavailable');
  return [...codes];
}
