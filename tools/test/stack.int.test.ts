import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { readStack } from '../src/testing/stack';
import { apiClient } from '../src/testing/api';
import { createTestUser, decodeJwtPayload } from '../src/testing/users';
import { dynamoClient } from '../src/stack/dynamodb';
import { REPO_ROOT } from '../src/stack/config';

const stack = readStack();

describe('local stack', () => {
  it('answers health through the gateway proxy', async () => {
    const res = await apiClient(stack).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers authorizer denials with our JSON error body and CORS, like API Gateway GatewayResponses', async () => {
    const res = await apiClient(stack, 'not-a-token').get('/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(res.headers.get('x-request-id')).toBe((res.body as { error: { requestId: string } }).error.requestId);
    expect(res.headers.get('access-control-allow-origin')).toBe(stack.webUrl);
  });

  it('applies the declared CORS rule to every kind of answer: a foreign Origin is never echoed, credentials never allowed', async () => {
    const foreign = 'https://evil.example';
    const user = await createTestUser(stack);
    const cases: Array<[string, string, Record<string, string>]> = [
      ['public route', '/health', {}],
      ['user route', '/me', { authorization: `Bearer ${user.accessToken}` }],
      ['user route, 401 from the authorizer', '/me', { authorization: 'Bearer nope' }],
      ['/v1 without a key', '/v1/notes', {}],
      ['unknown route', '/no-such-route', {}],
    ];
    for (const [name, route, headers] of cases) {
      const res = await fetch(`${stack.apiUrl}${route}`, { headers: { origin: foreign, ...headers } });
      expect({ name, origin: res.headers.get('access-control-allow-origin'), credentials: res.headers.get('access-control-allow-credentials') }).toEqual({
        name,
        origin: stack.webUrl,
        credentials: null,
      });
    }
    const preflight = await fetch(`${stack.apiUrl}/notes`, {
      method: 'OPTIONS',
      headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).not.toBe(foreign);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('describes itself in stack.json with every contract key', () => {
    const file = JSON.parse(fs.readFileSync(process.env.JOTTER_STACK_FILE!, 'utf8')) as Record<string, unknown>;
    for (const key of ['region', 'apiUrl', 'webUrl', 'userPoolId', 'userPoolClientId', 'cognitoEndpoint', 'dynamodbEndpoint', 's3Endpoint', 'attachmentsBucket', 'tableName']) {
      expect(typeof file[key]).toBe('string');
      expect(file[key]).not.toBe('');
    }
    expect(file.apiUrl).toMatch(/^http:\/\/localhost:\d+\/dev$/);
  });

  it('creates the table with the GSIs of services/api/resources/table.yml', async () => {
    const doc = parse(fs.readFileSync(path.join(REPO_ROOT, 'services/api/resources/table.yml'), 'utf8'), { logLevel: 'error' }) as {
      Resources: Record<string, { Type: string; Properties: { GlobalSecondaryIndexes?: { IndexName: string }[] } }>;
    };
    const defined = Object.values(doc.Resources)
      .filter((r) => r.Type === 'AWS::DynamoDB::Table')
      .flatMap((r) => (r.Properties.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    expect(defined.length).toBeGreaterThan(0);
    const client = dynamoClient(stack.dynamodbEndpoint);
    try {
      const table = (await client.send(new DescribeTableCommand({ TableName: stack.tableName }))).Table;
      expect((table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual([...defined].sort());
    } finally {
      client.destroy();
    }
  });

  it('configures the bucket CORS for the web origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.s3Endpoint}/${stack.attachmentsBucket}/some/key`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(stack.webUrl);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
    expect((await preflight('http://evil.example')).status).toBe(403);
  });

  it('issues tokens for a new user whose issuer is the emulator on its actual port, with reachable JWKS', async () => {
    const user = await createTestUser(stack, { confirmWithLoggedCode: true });
    const access = decodeJwtPayload(user.accessToken);
    const issuer = `${stack.cognitoEndpoint.replace('localhost', '127.0.0.1')}/${stack.userPoolId}`;
    expect(access.iss).toBe(issuer);
    expect(access.token_use).toBe('access');
    expect(access.client_id).toBe(stack.userPoolClientId);
    expect(access.sub).toBe(user.sub);
    expect(decodeJwtPayload(user.idToken).email).toBe(user.email);
    const jwks = await fetch(`${issuer}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });
});
