import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatewayResponsesFrom, parseBoom, renderTemplate, rewriteErrorResponse, startGateway, throttleFor, withDeclaredCors, type GatewayResponses } from './gateway';
import type { PrintedService } from './definitions';

const cors = {
  'gatewayresponse.header.Access-Control-Allow-Origin': "'http://localhost:5173'",
  'gatewayresponse.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
};
/** A GatewayResponse resource as the printed template has it. */
const gatewayResponse = (ResponseType: string, StatusCode: string | undefined, ResponseParameters: Record<string, string>, template: string) => ({
  Type: 'AWS::ApiGateway::GatewayResponse',
  Properties: { ResponseType, StatusCode, ResponseParameters, ResponseTemplates: { 'application/json': template } },
});
const printed: PrintedService = {
  service: 'jotter-api',
  resources: {
    Resources: {
      Unauthorized: gatewayResponse(
        'UNAUTHORIZED',
        '401',
        { ...cors, 'gatewayresponse.header.Vary': "'Origin'", 'gatewayresponse.header.x-request-id': 'context.requestId' },
        '{"error":{"code":"unauthorized","message":"Sign in again.","requestId":"$context.requestId"}}',
      ),
      Denied: gatewayResponse('ACCESS_DENIED', '403', cors, '{"error":{"code":"forbidden","message":"$context.authorizer.message"}}'),
      TooLarge: gatewayResponse('REQUEST_TOO_LARGE', '413', cors, '{"error":{"code":"payload_too_large","message":"Too large."}}'),
      Default4xx: gatewayResponse('DEFAULT_4XX', undefined, { ...cors, 'gatewayresponse.header.X-From-Request': 'method.request.header.Foo' }, '{"error":{"code":"not_found","message":"$context.error.messageString"}}'),
      Default5xx: gatewayResponse('DEFAULT_5XX', undefined, cors, '{"error":{"code":"internal_error","message":$context.error.messageString}}'),
      Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    },
  },
};
const responses: GatewayResponses = gatewayResponsesFrom(printed);
const boom = (statusCode: number, error: string, message: string) => JSON.stringify({ statusCode, error, message });
const offlineHeaders = { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true', 'cache-control': 'no-cache' };

describe('gatewayResponsesFrom', () => {
  it('reads status, static headers and the JSON template of each GatewayResponse', () => {
    expect(Object.keys(responses).sort()).toEqual(['ACCESS_DENIED', 'DEFAULT_4XX', 'DEFAULT_5XX', 'REQUEST_TOO_LARGE', 'UNAUTHORIZED']);
    expect(responses.UNAUTHORIZED).toEqual({
      statusCode: 401,
      headers: { 'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-headers': 'Content-Type,Authorization', vary: 'Origin' },
      requestIdHeaders: ['x-request-id'],
      template: '{"error":{"code":"unauthorized","message":"Sign in again.","requestId":"$context.requestId"}}',
    });
    // Of the mappings to request values, only the request id is emulated.
    expect(responses.DEFAULT_4XX?.headers['x-from-request']).toBeUndefined();
    expect(responses.DEFAULT_4XX?.statusCode).toBeUndefined();
  });
});

describe('parseBoom', () => {
  it('recognises hapi Boom bodies only', () => {
    expect(parseBoom(boom(401, 'Unauthorized', 'Unauthorized'))).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    expect(parseBoom('{"error":{"code":"not_found","message":"x"}}')).toBeUndefined();
    expect(parseBoom('{"statusCode":"401","error":"x"}')).toBeUndefined();
    expect(parseBoom('[1]')).toBeUndefined();
    expect(parseBoom('not json')).toBeUndefined();
  });
});

describe('renderTemplate', () => {
  it('JSON-escapes the message, quoted or not as the template needs', () => {
    expect(renderTemplate('{"m":"$context.error.messageString"}', 'say "hi"\n', 'id')).toBe('{"m":"say \\"hi\\"\\n"}');
    expect(renderTemplate('{"m":$context.error.messageString}', 'a"b', 'id')).toBe('{"m":"a\\"b"}');
    expect(renderTemplate('{"m":"$context.authorizer.message","r":"$context.requestId","s":"$context.stage"}', 'no', 'req-1')).toBe('{"m":"no","r":"req-1","s":""}');
  });
});

describe('rewriteErrorResponse', () => {
  it('replaces a 401 Boom body with the UNAUTHORIZED response and its headers only', () => {
    const r = rewriteErrorResponse(responses, 401, offlineHeaders, boom(401, 'Unauthorized', 'Unauthorized'), 'req-1');
    expect(r?.statusCode).toBe(401);
    expect(JSON.parse(r!.body)).toEqual({ error: { code: 'unauthorized', message: 'Sign in again.', requestId: 'req-1' } });
    expect(r?.headers).toMatchObject({ 'access-control-allow-origin': 'http://localhost:5173', vary: 'Origin', 'content-type': 'application/json', 'cache-control': 'no-cache', 'x-request-id': 'req-1' });
    expect(r?.headers['access-control-allow-credentials']).toBeUndefined();
    expect(r?.headers['content-length']).toBe(Buffer.byteLength(r!.body));
  });

  it('maps 403 → ACCESS_DENIED with the Boom message, 413 → REQUEST_TOO_LARGE', () => {
    const denied = rewriteErrorResponse(responses, 403, offlineHeaders, boom(403, 'Forbidden', 'User is not authorized'), 'req-1');
    expect(JSON.parse(denied!.body)).toEqual({ error: { code: 'forbidden', message: 'User is not authorized' } });
    const large = rewriteErrorResponse(responses, 413, offlineHeaders, boom(413, 'Request Entity Too Large', 'Payload content length greater than maximum allowed'), 'req-1');
    expect(large?.statusCode).toBe(413);
    expect(JSON.parse(large!.body).error.code).toBe('payload_too_large');
  });

  it('maps other 4xx to DEFAULT_4XX keeping the status, 5xx to DEFAULT_5XX', () => {
    const notFound = rewriteErrorResponse(responses, 404, offlineHeaders, boom(404, 'Not Found', 'route not found.'), 'req-1');
    expect(notFound?.statusCode).toBe(404);
    expect(JSON.parse(notFound!.body)).toEqual({ error: { code: 'not_found', message: 'route not found.' } });
    const failed = rewriteErrorResponse(responses, 502, offlineHeaders, boom(502, 'Bad Gateway', 'boom "x"'), 'req-1');
    expect(failed?.statusCode).toBe(502);
    expect(JSON.parse(failed!.body)).toEqual({ error: { code: 'internal_error', message: 'boom "x"' } });
  });

  it("answers offline's own 500 (an authorizer that could not decide) with AUTHORIZER_FAILURE where one is declared", () => {
    const unavailable = gatewayResponsesFrom({
      service: 'jotter-api',
      resources: {
        Resources: {
          AuthorizerFailure: gatewayResponse('AUTHORIZER_FAILURE', '503', { ...cors, 'gatewayresponse.header.Retry-After': "'2'" }, '{"error":{"code":"service_unavailable","message":"Try again."}}'),
        },
      },
    });
    const failed = rewriteErrorResponse({ ...responses, ...unavailable }, 500, offlineHeaders, boom(500, 'Internal Server Error', 'An internal server error occurred'), 'req-1');
    expect({ status: failed?.statusCode, retryAfter: failed?.headers['retry-after'], body: JSON.parse(failed!.body) }).toEqual({
      status: 503,
      retryAfter: '2',
      body: { error: { code: 'service_unavailable', message: 'Try again.' } },
    });
    // Without one, it stays API Gateway's default 5xx answer.
    expect(rewriteErrorResponse(responses, 500, offlineHeaders, boom(500, 'Internal Server Error', 'x'), 'req-1')?.statusCode).toBe(500);
  });

  it("leaves handlers' own errors and successes alone", () => {
    expect(rewriteErrorResponse(responses, 404, offlineHeaders, '{"error":{"code":"not_found","message":"Note not found"}}', 'req-1')).toBeUndefined();
    expect(rewriteErrorResponse(responses, 200, offlineHeaders, boom(200, 'x', 'y'), 'req-1')).toBeUndefined();
    expect(rewriteErrorResponse({}, 401, offlineHeaders, boom(401, 'Unauthorized', 'Unauthorized'), 'req-1')).toBeUndefined();
  });
});

describe('withDeclaredCors', () => {
  const offline = ['Content-Type', 'application/json', 'access-control-allow-origin', 'https://evil.test', 'Access-Control-Allow-Credentials', 'true', 'access-control-expose-headers', 'x-request-id'];

  it('replaces the echoed origin by the declared one and never allows credentials', () => {
    expect(withDeclaredCors(offline, 'http://localhost:5173')).toEqual([
      'Content-Type',
      'application/json',
      'access-control-expose-headers',
      'x-request-id',
      'access-control-allow-origin',
      'http://localhost:5173',
    ]);
  });

  it('sends no Allow-Origin at all when nothing is declared', () => {
    expect(withDeclaredCors(offline, undefined)).toEqual(['Content-Type', 'application/json', 'access-control-expose-headers', 'x-request-id']);
  });
});

describe('startGateway', () => {
  let upstream: http.Server;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let upstreamBytes = 0;
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      if (req.url === '/dev/early-401') {
        // Like hapi after a failed authorizer: answer before reading the body, then close.
        res.writeHead(401, { ...offlineHeaders, connection: 'close' }).end(boom(401, 'Unauthorized', 'Unauthorized'));
      } else if (req.url === '/dev/timeout') {
        res.writeHead(504).end();
      } else if (req.url === '/dev/crash') {
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"errorMessage":"boom","stackTrace":["at x"]}');
      } else if (req.url === '/dev/boom') {
        res.writeHead(401, offlineHeaders).end(boom(401, 'Unauthorized', 'Unauthorized'));
      } else if (req.url === '/dev/own-error') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"x"}}');
      } else {
        // Echo: proves method, path, headers and body get through untouched.
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => res.writeHead(201, { 'x-echo-method': req.method ?? '', 'x-echo-auth': req.headers.authorization ?? '' }).end(Buffer.concat(chunks)));
      }
    });
    // hapi (serverless-offline) decides on `Expect: 100-continue` only once it wants the payload.
    upstream.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url !== '/dev/early-401') res.writeContinue();
      upstream.emit('request', req, res);
    });
    upstream.on('connection', (socket: import('node:net').Socket) => socket.on('data', (c: Buffer) => (upstreamBytes += c.length)));
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    gateway = await startGateway({ port: 0, upstreamPort: (upstream.address() as AddressInfo).port, responses, log: () => {} });
  });
  afterAll(async () => {
    await gateway.close();
    await new Promise((r) => upstream.close(r));
  });

  const url = (p: string) => `http://127.0.0.1:${gateway.port}${p}`;

  it('passes requests and responses through', async () => {
    const res = await fetch(url('/dev/echo?x=1'), { method: 'PUT', headers: { authorization: 'Bearer t' }, body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo-method')).toBe('PUT');
    expect(res.headers.get('x-echo-auth')).toBe('Bearer t');
    expect(await res.text()).toBe('hello');
  });

  it('rewrites Boom errors and keeps our own error bodies', async () => {
    const boomed = await fetch(url('/dev/boom'));
    expect(boomed.status).toBe(401);
    // Each gateway answer gets its own request id, in the body and in x-request-id.
    const requestId = boomed.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await boomed.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in again.', requestId } });
    expect(boomed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const own = await fetch(url('/dev/own-error'));
    expect(own.status).toBe(404);
    expect(await own.text()).toBe('{"error":{"code":"not_found","message":"x"}}');
  });

  it('relays an answer given before the body was read, never a 502 (2 MiB body, 20 tries)', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const statuses = [];
    upstreamBytes = 0;
    for (let i = 0; i < 20; i++) {
      const res = await fetch(url('/dev/early-401'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual(Array(20).fill(401));
    // The cause, not only the symptom: no body was written into a connection that was closing
    // (a reset there can swallow the answer). Only the requests' heads reached the upstream.
    expect(upstreamBytes).toBeLessThan(20 * 4096);
    // The connection pool is still healthy afterwards.
    expect((await fetch(url('/dev/echo'), { method: 'POST', body: 'after' })).status).toBe(201);
  });

  it('answers an oversize body with 413 and the error body after reading all of it, nothing upstream', async () => {
    upstreamBytes = 0;
    // 16 × 1 MiB, each write waited for: a proxy that answers and closes at 10 MiB makes the
    // remaining writes fail (EPIPE / reset) under the client, whose answer is then lost.
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const req = http.request(url('/dev/echo'), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 16 * chunk.length } });
    const answered = new Promise<{ status?: number; body: string; corsOrigin?: string }>((resolve, reject) => {
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(parts).toString('utf8'), corsOrigin: res.headers['access-control-allow-origin'] }));
      });
      req.on('error', reject);
    });
    answered.catch(() => {});
    const sent = (async () => {
      for (let i = 0; i < 16; i++) await new Promise<void>((done, fail) => req.write(chunk, (e) => (e ? fail(e) : done())));
      await new Promise<void>((done) => req.end(done));
    })();
    await expect(sent).resolves.toBeUndefined();
    await expect(answered).resolves.toEqual({ status: 413, body: '{"error":{"code":"payload_too_large","message":"Too large."}}', corsOrigin: 'http://localhost:5173' });
    expect(upstreamBytes).toBe(0);
  });

  it('gives upstream 5xx answers without our error body the DEFAULT_5XX response', async () => {
    for (const path of ['/dev/timeout', '/dev/crash']) {
      const res = await fetch(url(path));
      expect({ path, status: res.status, body: await res.json() }).toEqual({ path, status: path === '/dev/timeout' ? 504 : 502, body: { error: { code: 'internal_error', message: 'Internal server error' } } });
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    }
  });

  it('answers 502 with the DEFAULT_5XX body when the API is down', async () => {
    const down = await startGateway({ port: 0, upstreamPort: 1, responses, log: () => {} });
    try {
      const res = await fetch(`http://127.0.0.1:${down.port}/dev/health`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal_error');
    } finally {
      await down.close();
    }
  });
});

describe('throttleFor (the local stand-in for API Gateway method throttling)', () => {
  const throttle = { path: '/public/shares/{token}', method: 'GET', rateLimit: 2, burstLimit: 3 };

  it('lets a burst through, refuses past it, and refills at the rate', () => {
    let t = 0;
    const allows = throttleFor(throttle, () => t);
    expect([1, 2, 3, 4].map(() => allows('GET', '/dev/public/shares/abc'))).toEqual([true, true, true, false]);
    t = 500; // half a second at 2/s: one more
    expect([allows('GET', '/public/shares/abc'), allows('GET', '/public/shares/abc')]).toEqual([true, false]);
  });

  it('ignores other methods and paths', () => {
    const allows = throttleFor({ ...throttle, burstLimit: 0 }, () => 0);
    expect(allows('POST', '/public/shares/abc')).toBeUndefined();
    expect(allows('GET', '/notes/abc/shares')).toBeUndefined();
    expect(allows('GET', '/public/shares/a/b')).toBeUndefined();
    expect(allows('get', '/public/shares/abc')).toBe(false);
  });
});
