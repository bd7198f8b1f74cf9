// The request wrapper with events shaped the way API Gateway — and serverless-offline — send them.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import type { RouteDefinition } from '@jotter/shared/contract';
import { route } from './route';
import { setFunctionTestEnv } from '../test-env';

setFunctionTestEnv();

const echoRoute = {
  operationId: 'echo',
  method: 'post',
  path: '/notes',
  tag: 'Test',
  summary: 'Answers the body it was sent',
  auth: 'public',
  body: z.strictObject({ title: z.string() }),
  response: { status: 201, description: 'The body', schema: z.object({ title: z.string() }) },
  errors: [],
} satisfies RouteDefinition;
const handler = route(echoRoute, async ({ body }) => body);

const event = (body: unknown): APIGatewayProxyEvent =>
  ({ body, isBase64Encoded: false, headers: { 'content-type': 'application/json' }, httpMethod: 'POST', resource: '/notes', requestContext: {} }) as unknown as APIGatewayProxyEvent;

describe('route(): request bodies', () => {
  // Found by the stress fuzzer (stress/test/fuzz.int.test.ts): serverless-offline passed the JSON
  // body `false` as the boolean false, and the size check threw a TypeError → 500.
  it.each([[false], [true], [0], [{ title: 1 }], [[1, 2]]])('a body that arrives already parsed (%j) is validated, not a 500', async (body) => {
    const response = await handler(event(body));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('an already parsed valid body is accepted like its JSON text', async () => {
    expect((await handler(event({ title: 'x' }))).statusCode).toBe(201);
    expect((await handler(event('{"title":"x"}'))).statusCode).toBe(201);
  });

  it('a missing body is 400 validation_failed', async () => {
    expect(JSON.parse((await handler(event(null))).body)).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('route(): request ids and log lines', () => {
  const withId = (body: unknown): APIGatewayProxyEvent => ({ ...event(body), requestContext: { requestId: 'req-123' } }) as unknown as APIGatewayProxyEvent;

  it('every answer carries x-request-id; error bodies carry the same requestId', async () => {
    const ok = await handler(withId('{"title":"x"}'), { awsRequestId: 'lambda-1' } as never);
    expect(ok.headers?.['X-Request-Id']).toBe('req-123');
    const bad = await handler(withId(null), { awsRequestId: 'lambda-2' } as never);
    expect(bad.headers?.['X-Request-Id']).toBe('req-123');
    expect(JSON.parse(bad.body).error.requestId).toBe('req-123');
  });

  it('a 500 names its request too, and its log line has level, function, cold start, both ids and the trace id', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    jest.spyOn(console, 'log').mockImplementation(() => {});
    Object.assign(process.env, { AWS_LAMBDA_FUNCTION_NAME: 'jotter-api-test-boom', _X_AMZN_TRACE_ID: 'Root=1-abc-def;Parent=1;Sampled=1' });
    const boom = route({ ...echoRoute, body: undefined }, async () => {
      throw new Error('boom');
    });
    const response = await boom(withId(null), { awsRequestId: 'lambda-3' } as never);
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'internal_error', requestId: 'req-123' });
    const line = JSON.parse(lines.find((l) => l.includes('unhandled error'))!);
    expect(line).toMatchObject({
      level: 'error',
      functionName: 'jotter-api-test-boom',
      coldStart: false,
      requestId: 'req-123',
      lambdaRequestId: 'lambda-3',
      traceId: '1-abc-def',
    });
    spy.mockRestore();
  });
});

describe("route(): a route's own headers", () => {
  const withHeaders = route({ ...echoRoute, headers: { 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store, private' } }, async ({ body }) => body);

  it('go with its success and with its errors, over the defaults', async () => {
    const ok = await withHeaders(event('{"title":"x"}'));
    const refused = await withHeaders(event('{"title":1}'));
    for (const response of [ok, refused]) expect(response.headers).toMatchObject({ 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store, private' });
    expect([ok.statusCode, refused.statusCode]).toEqual([201, 400]);
    expect((await handler(event('{"title":"x"}'))).headers?.['X-Robots-Tag']).toBeUndefined();
  });
});
