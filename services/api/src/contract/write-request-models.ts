// `pnpm --filter @jotter/api models` regenerates services/api/models/*.json and
// resources/request-models.yml from the route contract. request-models.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestModelJson, requestModels, requestModelsYml } from './request-models';

const apiDir = join(__dirname, '..', '..');
for (const { name, schema } of requestModels) {
  const file = join(apiDir, 'models', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(requestModelJson(schema), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
const resources = join(apiDir, 'resources', 'request-models.yml');
writeFileSync(resources, requestModelsYml());
console.log(`wrote ${resources}`);
