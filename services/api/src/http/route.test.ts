// The request wrapper with events shaped the way API Gateway — and serverless-offline — send them.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import type { RouteDefinition } from '@jotter/shared/contract';
import { route } from './route';

Object.assign(process.env, {
  TABLE_NAME: 'jotter-test',
  ATTACHMENTS_BUCKET: 'jotter-test-attachments',
  WEB_ORIGIN: 'http://localhost:5173',
  COGNITO_ISSUER: 'http://127.0.0.1:9229/local_pool',
  COGNITO_CLIENT_ID: 'local_client',
});

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
