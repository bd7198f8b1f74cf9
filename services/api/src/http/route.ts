// The one wrapper every HTTP handler goes through: parse and validate at the edge, resolve the
// user, run the handler, and turn any failure into the JSON error body. Each concern is written
// here once; handlers only say what they need and what they return.
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDefinition } from '@jotter/shared/contract/route';
import { config } from '#config';
import { HttpError, toHttpError } from './errors';
import { describeError, log, setRequestFields, startInvocation } from '#log';
import { userFromEvent, type User } from './user';
import { parsePart } from './validate';

/** Bodies beyond this are refused before parsing. Notes are at most ~400 kB of UTF-8. */
export const maxBodyBytes = 1024 * 1024;

/** How a request proves who it is for; each auth mode of the contract has one. */
export type Authenticate = (event: APIGatewayProxyEvent) => Promise<User> | User;

export interface RouteInput<R extends RouteDefinition> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  /** The bytes of a `binaryBody` route's body (empty for other routes). */
  bytes: Buffer;
  /** The signed-in user (`user` routes), the API key's owner (`apiKey`), `{ sub: '' }` (`public`). */
  user: User;
  event: APIGatewayProxyEvent;
}

/** A route whose contract allows it (`response.created`) answers 201 with this body. */
export class Created<T> {
  constructor(readonly body: T) {}
}

/** A handler returns the success body; the status comes from the route's contract. */
export type RouteBody<R extends RouteDefinition> = (input: RouteInput<R>) => Promise<ResponseOf<R> | Created<ResponseOf<R>>>;

export type RouteHandler = (event: APIGatewayProxyEvent, context?: Context) => Promise<APIGatewayProxyResult>;

interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function baseHeaders(): Record<string, string> {
  const { webOrigin } = config();
  return {
    ...(webOrigin ? { 'Access-Control-Allow-Origin': webOrigin, Vary: 'Origin' } : {}),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

function respond(result: RouteResult, requestId: string | undefined, routeHeaders: RouteDefinition['headers']): APIGatewayProxyResult {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.status,
    headers: {
      ...baseHeaders(),
      ...routeHeaders,
      ...(requestId ? { 'X-Request-Id': requestId } : {}),
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...result.headers,
    },
    body: hasBody ? JSON.stringify(result.body) : '',
  };
}

function contentTypeOf(event: APIGatewayProxyEvent): string | undefined {
  return Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}

/**
 * A binary body: API Gateway base64-encodes a body whose type is a binary media type. One that
 * arrived as text went through UTF-8 decoding, which does not keep arbitrary bytes: refused.
 */
function readBinaryBody(event: APIGatewayProxyEvent, spec: NonNullable<RouteDefinition['binaryBody']>): Buffer {
  if (contentTypeOf(event)?.split(';')[0]!.trim().toLowerCase() !== spec.contentType || (event.body && !event.isBase64Encoded))
    throw new HttpError('unsupported_media_type', `Send the body as ${spec.contentType}`);
  if (!event.body) throw new HttpError('validation_failed', 'The request body is missing', [{ path: 'body', message: `must be ${spec.description}` }]);
  const bytes = Buffer.from(event.body, 'base64');
  if (bytes.length > spec.maxBytes) throw new HttpError('payload_too_large', `The request body is larger than ${spec.maxBytes} bytes`);
  return bytes;
}

function readJsonBody(event: APIGatewayProxyEvent): unknown {
  // API Gateway always sends a string (or null); serverless-offline hands over some JSON bodies
  // already parsed (a body of `false` arrived as the boolean and crashed byteLength: a 500).
  const body: unknown = event.body;
  if (body === null || body === undefined || body === '') {
    throw new HttpError('validation_failed', 'The request body is missing', [
      { path: 'body', message: 'must be a JSON object' },
    ]);
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const raw = event.isBase64Encoded ? Buffer.from(text, 'base64').toString('utf8') : text;
  if (Buffer.byteLength(raw, 'utf8') > maxBodyBytes)
    throw new HttpError('payload_too_large', `The request body is larger than ${maxBodyBytes} bytes`);
  const contentType = contentTypeOf(event);
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType))
    throw new HttpError('unsupported_media_type', 'Send the body as application/json');
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError('validation_failed', 'The request body is not valid JSON', [
      { path: 'body', message: 'must be valid JSON' },
    ]);
  }
}

const authenticators: Record<'user' | 'public', Authenticate> = {
  user: (event) => userFromEvent(event),
  public: () => ({ sub: '' }),
};

/**
 * The wrapper for `user` and `public` routes: `route(createNoteRoute, async ({ user, body }) => …)`.
 * `apiKey` routes use the `route` of api-key-route.ts, which adds the key metering (kept apart so
 * the other functions' bundles don't carry the key-usage table code).
 */
export function route<R extends RouteDefinition & { auth: 'user' | 'public' }>(contract: R, handle: RouteBody<R>): RouteHandler {
  return routeWith(contract, authenticators[contract.auth], handle);
}

/** The wrapper itself, given how the route's auth mode authenticates. */
export function routeWith<R extends RouteDefinition>(contract: R, authenticate: Authenticate, handle: RouteBody<R>): RouteHandler {
  return async (event, context) => {
    const started = Date.now();
    // API Gateway's request id: in its access log, and what the client sees (x-request-id, and
    // the web app's "Reference: …"), so a support request leads straight to these lines.
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId;
    startInvocation(context, requestId);
    const fields = { route: `${event.httpMethod} ${event.resource}` };
    setRequestFields(fields);
    let result: RouteResult;
    try {
      const user = await authenticate(event);
      if (user.sub) setRequestFields({ ...fields, sub: user.sub });
      const input = {
        event,
        user,
        params: contract.params ? parsePart('params', contract.params, event.pathParameters ?? {}) : undefined,
        query: contract.query ? parsePart('query', contract.query, event.queryStringParameters ?? {}) : undefined,
        body: contract.body ? parsePart('body', contract.body, readJsonBody(event)) : undefined,
        bytes: contract.binaryBody ? readBinaryBody(event, contract.binaryBody) : Buffer.alloc(0),
      } as RouteInput<R>;
      const body = await handle(input);
      if (body instanceof Created && contract.response.created) result = { status: 201, body: body.body };
      else result = { status: contract.response.status, body: contract.response.status === 204 ? undefined : body };
    } catch (error) {
      const known = toHttpError(error);
      if (known) {
        // Our side or a dependency's: worth a log line even when the answer is a known one.
        if (known.status >= 500) log.warn('dependency unavailable', describeError(error));
        result = {
          status: known.status,
          headers: known.headers,
          body: { error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}), ...(known.quota ? { quota: known.quota } : {}), ...(requestId ? { requestId } : {}) } },
        };
      } else {
        log.error('unhandled error', describeError(error));
        result = { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side', ...(requestId ? { requestId } : {}) } } };
      }
    }
    log.info('request', { status: result.status, durationMs: Date.now() - started });
    return respond(result, requestId, contract.headers);
  };
}
