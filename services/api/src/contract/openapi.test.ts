import { validateOpenApi } from '../../test/openapi-validator';
import { routeErrors, routes, type RouteDefinition } from '@jotter/shared/contract';
import { openApiDocument } from './openapi';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped JSON document, read by path
type Json = Record<string, any>;
const document = openApiDocument({ serverUrl: 'https://api.example.com/prod' }) as Json;

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose $refs all resolve', () => {
    const result = validateOpenApi(document);
    expect(result.errors).toBeNull();
    expect(result).toMatchObject({ valid: true, version: '3.1' });
  });

  it('has one operation per contract route, with a unique operationId', () => {
    const operations = Object.entries(document.paths as Json).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
  });

  it.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as [string, RouteDefinition]))(
    '%s documents its auth, parameters and every error response with the Error schema and an example',
    (_, route) => {
      const op = document.paths[route.path][route.method] as Json;
      expect(op.security).toEqual(route.auth === 'user' ? [{ bearerAuth: [] }] : route.auth === 'apiKey' ? [{ apiKey: [] }] : []);
      for (const name of (route.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)))
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
      for (const code of routeErrors(route)) {
        const response = Object.values(op.responses as Json).find((r: Json) => r.content?.['application/json']?.examples?.[code]);
        expect(response).toBeDefined();
        expect(response.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        expect(response.content['application/json'].examples[code].value.error.code).toBe(code);
      }
      const success = op.responses[String(route.response.status)];
      if (route.response.schema) expect(success.content['application/json'].example).toBeDefined();
      if (route.body) expect(op.requestBody.content['application/json'].example).toBeDefined();
    },
  );

  it('declares both security schemes and the shared schemas as components', () => {
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
    });
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Note', 'NoteList', 'CreateNoteRequest', 'CreateKeyRequest', 'CreatedKey', 'KeyList']),
    );
    expect(document.components.schemas.CreateKeyRequest).toMatchObject({
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
    });
  });

  it('documents the quota answer of /v1 with Retry-After', () => {
    expect(document.paths['/v1/notes'].get.responses['429'].headers['Retry-After']).toBeDefined();
  });

  it("documents a route's own headers on its success and its errors (the public share page)", () => {
    const { responses } = document.paths['/public/shares/{token}'].get;
    for (const status of ['200', '404']) expect(responses[status].headers).toMatchObject({ 'X-Robots-Tag': { schema: { const: 'noindex' } }, 'Referrer-Policy': { schema: { const: 'no-referrer' } } });
    expect(document.paths['/notes'].get.responses['200'].headers).toBeUndefined();
  });
});
