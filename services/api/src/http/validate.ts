import * as z from 'zod/mini';
import type { ErrorDetail } from '@jotter/shared/errors';
import { HttpError } from './errors';

type Part = 'body' | 'query' | 'params';

/** Turns zod issues into `details` entries naming each offending field, e.g. `body.title`. */
export function issuesToDetails(part: Part, issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: `${base}.${key}`, message: 'is not an allowed field' }));
    return [{ path: base, message: issue.message }];
  });
}

/** Validates one part of a request; failures are 400 `validation_failed` with details. */
export function parsePart<S extends z.core.$ZodType>(part: Part, schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new HttpError('validation_failed', `The request ${part} is not valid`, issuesToDetails(part, result.error.issues));
}
