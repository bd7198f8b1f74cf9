import * as z from 'zod/mini';
import type { ErrorDetail } from '@jotter/shared/errors';
import { HttpError } from './errors';

type Part = 'body' | 'query' | 'params';

/** Turns zod issues into `details` entries naming each offending field, e.g. `body.title`. */
export function issuesToDetails(part: Part, issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue): ErrorDetail[] => {
    const base = [part, ...issue.path.map(String)].join('.');
    // A body that may take one of several shapes (PUT /notes/{noteId}: edit or create): report
    // what is wrong for the shape it is closest to (fewest issues; the first on a tie).
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return issuesToDetails(part, closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
    }
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
