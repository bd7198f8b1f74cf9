import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestModelJson, requestModels } from './request-models';

describe('API Gateway request models', () => {
  it.each(Object.entries(requestModels))('models/%s.json matches the shared schema', (name, schema) => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'models', `${name}.json`), 'utf8'));
    expect(committed).toEqual(requestModelJson(schema));
  });

  it('are self-contained draft-04 schemas that reject unknown fields', () => {
    const model = requestModelJson(requestModels.CreateNoteRequest);
    expect(model.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(JSON.stringify(model)).not.toContain('$ref');
    expect(model).toMatchObject({ type: 'object', additionalProperties: false, required: ['title', 'content'] });
  });
});
