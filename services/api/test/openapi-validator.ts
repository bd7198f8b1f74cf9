import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface ValidationResult {
  valid: boolean;
  version: string;
  errors: unknown;
}

/** Runs the real OpenAPI validator (validate-openapi.mjs) on a document. */
export function validateOpenApi(document: unknown): ValidationResult {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'validate-openapi.mjs')], {
    input: JSON.stringify(document),
    cwd: path.join(__dirname, '..'),
  });
  return JSON.parse(out.toString('utf8')) as ValidationResult;
}
