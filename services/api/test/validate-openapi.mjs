// Validates an OpenAPI document (JSON on stdin) with @seriousme/openapi-schema-validator and prints
// `{"valid", "version", "errors"}`. A separate Node process because the validator is ESM-only and
// Jest runs tests as CommonJS.
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const validator = new Validator();
const result = await validator.validate(document);
let errors = result.errors ?? null;
let valid = result.valid;
if (valid) {
  // Every $ref must point at something.
  try {
    validator.resolveRefs();
  } catch (error) {
    valid = false;
    errors = [{ message: String(error) }];
  }
}
process.stdout.write(JSON.stringify({ valid, version: validator.version, errors }));
