import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '@jotter/shared/contract';
import { methodLogicalId, requestModelJson, requestModels, requestModelsYml } from './request-models';

const apiDir = join(__dirname, '..', '..');

describe('API Gateway request models', () => {
  it('exist for every route of the contract with a body', () => {
    expect(requestModels.map((m) => m.route)).toEqual(routes.filter((r) => r.body));
    expect(requestModels.map((m) => m.name)).toEqual(expect.arrayContaining(['CreateNoteRequest', 'PutNoteRequest', 'OrganizeNoteRequest']));
  });

  it.each(requestModels.map((m) => [m.name, m] as const))('models/%s.json matches the shared schema', (name, { schema }) => {
    const committed = JSON.parse(readFileSync(join(apiDir, 'models', `${name}.json`), 'utf8'));
    expect(committed).toEqual(requestModelJson(schema));
  });

  it('resources/request-models.yml is the generated one (pnpm --filter @jotter/api models)', () => {
    expect(readFileSync(join(apiDir, 'resources', 'request-models.yml'), 'utf8')).toBe(requestModelsYml());
  });

  it('names methods the way Serverless does', () => {
    expect(methodLogicalId({ method: 'post', path: '/notes' })).toBe('ApiGatewayMethodNotesPost');
    expect(methodLogicalId({ method: 'put', path: '/notes/{noteId}' })).toBe('ApiGatewayMethodNotesNoteidVarPut');
  });

  it('are self-contained draft-04 schemas that reject unknown fields', () => {
    const model = requestModelJson(requestModels.find((m) => m.name === 'CreateNoteRequest')!.schema);
    expect(model.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(JSON.stringify(model)).not.toContain('$ref');
    expect(model).toMatchObject({ type: 'object', additionalProperties: false, required: ['title', 'content'] });
  });
});
