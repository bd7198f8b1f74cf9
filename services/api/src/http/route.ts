// The one wrapper every HTTP handler goes through: parse and validate at the edge, resolve the
// user, run the handler, and turn any failure into the JSON error body. Each concern is written
// here once; handlers only say what they need and what they return.
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { config } from '#config';
import { HttpError, toHttpError } from './errors';
import { describeError, log, setRequestFields } from './log';
import { userFromEvent, type User } from './user';
import { parsePart } from './validate';

/** Bodies beyond this are refused before parsing. Notes are at most ~400 kB of UTF-8. */
export const maxBodyBytes = 1024 * 1024;

type Schema = z.core.$ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteSpec<B, Q, P> {
  auth: 'user' | 'public';
  body?: B;
  query?: Q;
  params?: P;
}

export interface RouteInput<B, Q, P> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  user: User;
  event: APIGatewayProxyEvent;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (event: APIGatewayProxyEvent, context?: Context) => Promise<APIGatewayProxyResult>;

function baseHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': config().webOrigin,
    Vary: 'Origin',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

function respond(result: RouteResult): APIGatewayProxyResult {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.status,
    headers: { ...baseHeaders(), ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...result.headers },
    body: hasBody ? JSON.stringify(result.body) : '',
  };
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
  const contentType = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
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

export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
  handle: (input: RouteInput<B, Q, P>) => Promise<RouteResult>,
): RouteHandler {
  return async (event, context) => {
    const started = Date.now();
    const fields = { requestId: context?.awsRequestId, route: `${event.httpMethod} ${event.resource}` };
    setRequestFields(fields);
    let result: RouteResult;
    try {
      const user = spec.auth === 'user' ? userFromEvent(event) : { sub: '' };
      if (user.sub) setRequestFields({ ...fields, sub: user.sub });
      const input = {
        event,
        user,
        params: spec.params ? parsePart('params', spec.params, event.pathParameters ?? {}) : undefined,
        query: spec.query ? parsePart('query', spec.query, event.queryStringParameters ?? {}) : undefined,
        body: spec.body ? parsePart('body', spec.body, readJsonBody(event)) : undefined,
      } as RouteInput<B, Q, P>;
      result = await handle(input);
    } catch (error) {
      const known = toHttpError(error);
      if (known) {
        // Our side or a dependency's: worth a log line even when the answer is a known one.
        if (known.status >= 500) log.warn('dependency unavailable', describeError(error));
        result = {
          status: known.status,
          headers: known.headers,
          body: { error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) } },
        };
      } else {
        log.error('unhandled error', describeError(error));
        result = { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side' } } };
      }
    }
    log.info('request', { status: result.status, durationMs: Date.now() - started });
    return respond(result);
  };
}
