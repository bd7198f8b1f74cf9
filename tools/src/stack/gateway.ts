import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { CfnResource, PrintedService } from './definitions';

/**
 * The public API port. serverless-offline answers authorizer denials, unknown routes and
 * oversize bodies with hapi Boom bodies (`{"statusCode":401,"error":"Unauthorized","message":…}`);
 * on AWS our GatewayResponses replace those with our JSON error body and CORS headers. This proxy
 * does the same from the same GatewayResponse definitions, and passes everything else through
 * byte for byte.
 */

export interface GatewayResponseDef {
  /** From StatusCode; undefined keeps the upstream status (DEFAULT_4XX/5XX usually). */
  statusCode?: number;
  headers: Record<string, string>;
  /** Headers mapped to `context.requestId`: the request's id, as API Gateway fills them in. */
  requestIdHeaders: string[];
  template?: string;
}

/** Keyed by ResponseType (UNAUTHORIZED, ACCESS_DENIED, REQUEST_TOO_LARGE, DEFAULT_4XX, …). */
export type GatewayResponses = Record<string, GatewayResponseDef>;

export function gatewayResponsesFrom(api: PrintedService): GatewayResponses {
  const result: GatewayResponses = {};
  for (const resource of Object.values(api.resources?.Resources ?? {}) as CfnResource[]) {
    if (resource.Type !== 'AWS::ApiGateway::GatewayResponse') continue;
    const p = resource.Properties ?? {};
    const type = p.ResponseType;
    if (typeof type !== 'string') continue;
    const headers: Record<string, string> = {};
    const requestIdHeaders: string[] = [];
    for (const [k, v] of Object.entries((p.ResponseParameters ?? {}) as Record<string, unknown>)) {
      const m = /^gatewayresponse\.header\.(.+)$/.exec(k);
      if (!m || typeof v !== 'string') continue;
      // Static values are single-quoted literals; of the mappings to request values only the
      // request id is emulated.
      if (/^'.*'$/.test(v)) headers[m[1]!.toLowerCase()] = v.slice(1, -1);
      else if (v === 'context.requestId') requestIdHeaders.push(m[1]!.toLowerCase());
    }
    const template = (p.ResponseTemplates as Record<string, unknown> | undefined)?.['application/json'];
    result[type] = {
      statusCode: p.StatusCode !== undefined ? Number(p.StatusCode) : undefined,
      headers,
      requestIdHeaders,
      template: typeof template === 'string' ? template : undefined,
    };
  }
  return result;
}

/** A route's own throttle (custom.stageSettings.methodThrottles; API Gateway method settings on AWS). */
export interface MethodThrottle {
  path: string;
  method: string;
  rateLimit: number;
  burstLimit: number;
}

export function methodThrottlesFrom(api: PrintedService): MethodThrottle[] {
  const settings = api.custom?.stageSettings as { methodThrottles?: Record<string, unknown>[] } | undefined;
  return (settings?.methodThrottles ?? []).map((m) => ({
    path: String(m.path),
    method: String(m.method).toUpperCase(),
    rateLimit: Number(m.rateLimit),
    burstLimit: Number(m.burstLimit),
  }));
}

/**
 * API Gateway's method throttle as a token bucket: `burstLimit` requests at once, refilled at
 * `rateLimit` per second, shared by every caller of the method (as on AWS, where it is per stage
 * and method, not per client). Answers whether a request may pass.
 */
export function throttleFor(throttle: MethodThrottle, now: () => number = Date.now): (method: string, path: string) => boolean | undefined {
  const pattern = new RegExp(`/${throttle.path.slice(1).replace(/\{\w+\}/g, '[^/]+')}$`);
  let tokens = throttle.burstLimit;
  let last = now();
  return (method, path) => {
    if (method.toUpperCase() !== throttle.method || !pattern.test(path)) return undefined;
    const t = now();
    tokens = Math.min(throttle.burstLimit, tokens + ((t - last) / 1000) * throttle.rateLimit);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

interface BoomBody {
  statusCode: number;
  error: string;
  message?: string;
}

/** A hapi Boom error body, as opposed to our own `{"error":{"code",…}}` from a handler. */
export function parseBoom(body: string): BoomBody | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.statusCode !== 'number' || typeof v.error !== 'string') return undefined;
  return { statusCode: v.statusCode, error: v.error, message: typeof v.message === 'string' ? v.message : undefined };
}

function isOurErrorBody(body: string): boolean {
  try {
    const value = JSON.parse(body) as { error?: { code?: unknown } } | null;
    return typeof value?.error?.code === 'string';
  } catch {
    return false;
  }
}

export function responseTypeFor(status: number): string[] {
  // API Gateway answers an unknown route with MISSING_AUTHENTICATION_TOKEN; hapi says 404.
  const specific: Record<number, string> = {
    401: 'UNAUTHORIZED',
    403: 'ACCESS_DENIED',
    404: 'MISSING_AUTHENTICATION_TOKEN',
    413: 'REQUEST_TOO_LARGE',
    429: 'THROTTLED',
  };
  const fallback = status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  return specific[status] ? [specific[status], fallback] : [fallback];
}

/**
 * serverless-offline (as patched here) answers an authorizer that threw anything but "Unauthorized"
 * with its own 500; its other failures are 502 (a crashed handler) and 504 (a timeout). So its own
 * 500 is API Gateway's AUTHORIZER_FAILURE.
 */
const offlineResponseType = (status: number): string[] => (status === 500 ? ['AUTHORIZER_FAILURE', ...responseTypeFor(status)] : responseTypeFor(status));

const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * Fills a response template the way API Gateway would for our templates. AWS defines
 * `$context.error.messageString` as the *quoted* message; where a template already wraps it in
 * quotes (`"$context.error.messageString"`) we insert the escaped text so the body stays JSON.
 */
export function renderTemplate(template: string, message: string, requestId: string): string {
  return template
    .replace(/\$context\.requestId/g, jsonEscape(requestId))
    .replace(/"\$context\.error\.messageString"/g, `"${jsonEscape(message)}"`)
    .replace(/\$context\.error\.messageString/g, JSON.stringify(message))
    .replace(/\$context\.error\.message/g, jsonEscape(message))
    .replace(/\$context\.authorizer\.message/g, jsonEscape(message))
    .replace(/\$context\.[A-Za-z0-9_.]+/g, '');
}

export interface Rewritten {
  statusCode: number;
  headers: http.OutgoingHttpHeaders;
  body: string;
}

/**
 * Decides what API Gateway would send for an upstream error response; undefined means "pass the
 * upstream response through unchanged".
 */
export function rewriteErrorResponse(
  responses: GatewayResponses,
  status: number,
  upstreamHeaders: http.IncomingHttpHeaders,
  body: string,
  requestId: string,
): Rewritten | undefined {
  if (status < 400) return undefined;
  // serverless-offline's own 5xx answers (a Lambda timeout's empty 504, a crashed handler's 502 with
  // its stack trace) are what API Gateway replaces with the DEFAULT_5XX response; our handlers'
  // 5xx bodies (`{"error":{…}}`) pass through.
  const boom = parseBoom(body) ?? (status >= 500 && !isOurErrorBody(body) ? { statusCode: status, error: http.STATUS_CODES[status] ?? 'Error', message: 'Internal server error' } : undefined);
  if (!boom) return undefined;
  const def = (parseBoom(body) ? offlineResponseType(status) : responseTypeFor(status))
    .map((t) => responses[t])
    .find((d) => d !== undefined);
  if (!def) return undefined;
  const message = boom.message ?? boom.error;
  const headers: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(upstreamHeaders)) {
    // API Gateway sends only the CORS headers a GatewayResponse declares, not offline's blanket ones.
    if (k.startsWith('access-control-') || k === 'content-length' || k === 'transfer-encoding' || k === 'content-type') continue;
    if (v !== undefined) headers[k] = v;
  }
  Object.assign(headers, def.headers);
  for (const name of def.requestIdHeaders) headers[name] = requestId;
  const rendered = def.template !== undefined ? renderTemplate(def.template, message, requestId) : JSON.stringify({ message });
  headers['content-type'] = 'application/json';
  headers['content-length'] = Buffer.byteLength(rendered);
  return { statusCode: def.statusCode ?? status, headers, body: rendered };
}

/**
 * The declared CORS rule on an answer passed through from serverless-offline, which echoes any
 * request Origin with `Access-Control-Allow-Credentials: true`. API Gateway sends what the function
 * (or the OPTIONS mock) declares: the one configured origin, never credentials. So: offline's
 * Allow-Origin and Allow-Credentials go, the declared origin (if any) is set.
 */
export function withDeclaredCors(rawHeaders: string[], corsOrigin: string | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (name === 'access-control-allow-origin' || name === 'access-control-allow-credentials') continue;
    out.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  if (corsOrigin) out.push('access-control-allow-origin', corsOrigin);
  return out;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotliDecompress = promisify(zlib.brotliDecompress);

/**
 * A request body in `Content-Encoding` gzip, deflate or br, decoded; anything else rejects.
 * Asynchronous and bounded: the proxy shares its event loop with the S3 emulator and the
 * children's log pipes, and a small body can decompress to gigabytes.
 */
export async function decodeBody(encoding: string, body: Buffer): Promise<Buffer> {
  const limits = { maxOutputLength: API_GATEWAY_MAX_BODY + 1 };
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzip(body, limits);
  if (encoding === 'deflate') return inflate(body, limits);
  if (encoding === 'br') return brotliDecompress(body, limits);
  throw new Error(`unsupported content-encoding ${encoding}`);
}

/** API Gateway's request payload limit (REST APIs: 10 MB). */
export const API_GATEWAY_MAX_BODY = 10 * 1024 * 1024;

// Boom bodies are tiny; anything larger is a handler's own response and is streamed untouched.
const MAX_INSPECTED_BODY = 16 * 1024;

/**
 * The request headers sent on. serverless-offline is asked for uncompressed answers: hapi gzips
 * bodies over 1 kB (e.g. its route-not-found body, which lists every route), and a compressed Boom
 * body cannot be recognised and replaced by our gateway response. API Gateway compresses on its
 * own side. The body is forwarded decoded and with its own length (see `forward`).
 */
function forwardedHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
  const { 'accept-encoding': _acceptEncoding, 'content-encoding': _contentEncoding, 'content-length': _length, 'transfer-encoding': _te, expect: _expect, ...headers } = req.headers;
  return headers;
}

/**
 * The whole request body: API Gateway reads it before it calls anything (and refuses bodies over
 * 10 MB itself); so does this proxy, which also lets it send a body in one piece or retry it. The
 * rest of an oversize body is read and dropped before the 413, as API Gateway does: answering and
 * closing while the client still writes reset the connection under it (its fetch failed with
 * EPIPE instead of seeing the 413).
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too large'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      received += c.length;
      if (received > API_GATEWAY_MAX_BODY) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too large' : Buffer.concat(chunks, received)));
  });
}

/**
 * The body decoded, or undefined when it cannot be. API Gateway (with payload compression on)
 * decodes a compressed request body itself and refuses one it cannot decode. serverless-offline's
 * hapi crashed its whole process on an invalid gzip body (an uncaught "Invalid compressed
 * payload"), so it is decoded here.
 */
async function decodeRequestBody(req: http.IncomingMessage, body: Buffer): Promise<Buffer | undefined> {
  const encoding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (body.length === 0 || !encoding || encoding === 'identity') return body;
  try {
    return await decodeBody(encoding, body);
  } catch {
    return undefined;
  }
}

export interface Gateway {
  port: number;
  close(): Promise<void>;
}

export function startGateway(opts: {
  port: number;
  upstreamPort: number;
  responses: GatewayResponses;
  /** The web origin the api declares (services/api/cors.cjs); empty = no CORS. */
  corsOrigin?: string;
  throttles?: MethodThrottle[];
  log: (line: string) => void;
}): Promise<Gateway> {
  const throttles = (opts.throttles ?? []).map((t) => throttleFor(t));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  /** Answers with our gateway response for `status`; a response already under way can only be cut. */
  const answer = (res: http.ServerResponse, status: number, error: string, message: string, extra: http.OutgoingHttpHeaders = {}) => {
    if (res.headersSent) return void res.destroy();
    const rewritten = rewriteErrorResponse(opts.responses, status, {}, JSON.stringify({ statusCode: status, error, message }), randomUUID());
    res.writeHead(rewritten?.statusCode ?? status, { ...(rewritten?.headers ?? { 'content-type': 'application/json' }), ...extra });
    res.end(rewritten?.body ?? JSON.stringify({ error: { code: 'internal_error', message } }));
  };

  /** Sends the relayed upstream answer, replacing Boom and bodiless 5xx answers by our gateway responses. */
  const relay = (up: http.IncomingMessage, res: http.ServerResponse) => {
    const status = up.statusCode ?? 502;
    const contentType = String(up.headers['content-type'] ?? '');
    const length = Number(up.headers['content-length'] ?? NaN);
    const inspect = ((status >= 400 && contentType.includes('json')) || status >= 500) && !(length > MAX_INSPECTED_BODY);
    if (!inspect) {
      res.writeHead(status, withDeclaredCors(up.rawHeaders, opts.corsOrigin));
      up.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    up.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
    });
    up.on('end', () => {
      const raw = Buffer.concat(chunks, size);
      // serverless-offline's request id never leaves it when it answers for itself (an authorizer's
      // denial, an unknown route): the gateway's own answer gets one of its own, as on AWS.
      const requestId = randomUUID();
      const rewritten = size <= MAX_INSPECTED_BODY ? rewriteErrorResponse(opts.responses, status, up.headers, raw.toString('utf8'), requestId) : undefined;
      if (rewritten) {
        res.writeHead(rewritten.statusCode, rewritten.headers);
        res.end(rewritten.body);
      } else {
        res.writeHead(status, withDeclaredCors(up.rawHeaders, opts.corsOrigin));
        res.end(raw);
      }
    });
    up.on('error', () => res.destroy());
  };

  /**
   * Forwards a fully read request. A body goes with `Expect: 100-continue` and is written only when
   * serverless-offline asks for it: hapi answers an authorizer's 401 (or an unknown route) before it
   * reads the payload and then closes the connection, and a body written meanwhile left unread data
   * in its socket, so the kernel reset the connection and our client lost the 401 (a 502). With the
   * expectation, hapi answers without wanting the body and nothing is written into a closing socket.
   */
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, headers: http.OutgoingHttpHeaders, body: Buffer, retried: boolean) => {
    const withBody = body.length > 0;
    const upstream = http.request({
      host: '127.0.0.1',
      port: opts.upstreamPort,
      method: req.method,
      path: req.url,
      headers: withBody ? { ...headers, 'content-length': body.length, expect: '100-continue' } : headers,
      agent,
    });
    let answered = false;
    upstream.on('continue', () => upstream.end(body));
    upstream.on('response', (up) => {
      answered = true;
      // Answered without asking for the body: the connection still expects it, so it is not reused.
      if (withBody && !upstream.writableEnded) up.on('end', () => upstream.destroy());
      relay(up, res);
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (answered) return;
      // A kept-alive connection that serverless-offline closed as we reused it: the request never
      // reached it, so it is sent once more on a new connection (Node's documented remedy).
      if (upstream.reusedSocket && !retried && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) {
        forward(req, res, headers, body, true);
        return;
      }
      opts.log(`upstream error for ${req.method} ${req.url}: ${e.message}`);
      answer(res, 502, 'Bad Gateway', `API not reachable: ${e.message}`);
    });
    if (!withBody) upstream.end();
    else upstream.flushHeaders();
  };

  /** Whether a method throttle refuses the request (it uses up the method's token otherwise). */
  const throttled = (req: http.IncomingMessage) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    return throttles.some((allows) => allows(req.method ?? 'GET', pathname) === false);
  };

  const server = http.createServer(async (req, res) => {
    if (throttled(req)) {
      // Refused before anything is read or invoked, as API Gateway does (THROTTLED gateway response).
      req.resume();
      return answer(res, 429, 'Too Many Requests', 'Too Many Requests');
    }
    const body = await readBody(req);
    if (body === 'too large') return answer(res, 413, 'Request Entity Too Large', 'Request Too Long', { connection: 'close' });
    const decoded = await decodeRequestBody(req, body);
    if (!decoded) return answer(res, 400, 'Bad Request', 'Invalid compressed payload');
    forward(req, res, forwardedHeaders(req), decoded, false);
  });
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
