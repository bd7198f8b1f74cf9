// `pnpm --filter @jotter/api models` regenerates services/api/models/*.json (committed, because
// serverless.yml reads them as plain files). request-models.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestModelJson, requestModels } from './request-models';

for (const [name, schema] of Object.entries(requestModels)) {
  const file = join(__dirname, '..', '..', 'models', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(requestModelJson(schema), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
