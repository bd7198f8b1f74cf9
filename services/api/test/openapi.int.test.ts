// GET /openapi.json of the running local stack: a valid OpenAPI 3.1 document that documents
// exactly the routes the api service serves (its functions' http events), no more, no less; and
// each function guards its route the way the route's contract auth says.
import http from 'node:http';
import { routeLabel, routes } from '@jotter/shared/contract';
import { printService } from '@jotter/tools/stack/definitions';
import { API_DIR } from '@jotter/tools/stack/offline';
import { readStack } from '@jotter/tools/testing/stack';
import { apiClient } from '@jotter/tools/testing/api';
import { validateOpenApi } from './openapi-validator';

const stack = readStack();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped JSON document, read by path
type Json = Record<string, any>;

let document: Json;

beforeAll(async () => {
  const response = await apiClient(stack).get<Json>('/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = response.body!;
});

it('is public and passes the OpenAPI 3.1 validator', () => {
  const result = validateOpenApi(document);
  expect(result.errors).toBeNull();
  expect(result).toMatchObject({ valid: true, version: '3.1' });
  expect(document.openapi).toBe('3.1.0');
});

it('names the stage URL it was served from as its server', () => {
  expect(document.servers).toEqual([{ url: stack.apiUrl }]);
});

it('names the stage URL from the stage config, whatever Host and X-Forwarded-Proto a caller sends', async () => {
  const url = new URL(`${stack.apiUrl}/openapi.json`);
  const hostile = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example', 'x-forwarded-proto': 'javascript' } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(hostile.status).toBe(200);
  expect(JSON.parse(hostile.body).servers).toEqual([{ url: stack.apiUrl }]);
});

interface HttpEvent {
  method: string;
  path: string;
  authorizer?: { name?: string };
}

let httpEvents: HttpEvent[];
const servedHttpEvents = async () =>
  (httpEvents ??= Object.values((await printService(API_DIR, {})).functions ?? {})
    .flatMap((fn) => fn.events ?? [])
    .map((event) => event.http as HttpEvent | undefined)
    .filter((http): http is HttpEvent => http !== undefined && http.method.toLowerCase() !== 'options'));

it('documents exactly the http events of the api service (serverless print), OPTIONS excepted', async () => {
  const served = (await servedHttpEvents()).map((http) => `${http.method.toLowerCase()} /${http.path.replace(/^\//, '')}`).sort();
  const documented = Object.entries(document.paths as Json)
    .flatMap(([path, item]) => Object.keys(item as Json).map((method) => `${method} ${path}`))
    .sort();
  expect(documented).toEqual(served);
}, 60_000);

it('puts each route behind the authorizer its contract auth names', async () => {
  const authorizerOf = { user: 'authorize', apiKey: 'authorizeApiKey', public: undefined };
  const served = new Map((await servedHttpEvents()).map((http) => [routeLabel({ method: http.method.toLowerCase() as 'get', path: `/${http.path.replace(/^\//, '')}` }), http.authorizer?.name]));
  for (const route of routes) expect([routeLabel(route), served.get(routeLabel(route))]).toEqual([routeLabel(route), authorizerOf[route.auth]]);
}, 60_000);
