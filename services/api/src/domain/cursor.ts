// Pagination cursors are the DynamoDB key of the last item of a page, base64url-encoded. They are
// opaque to clients but not trusted: a cursor is only accepted if it points into the very list
// (user and state) being read, so a tampered or foreign cursor is a 400, never another user's data.
import { InvalidCursorError } from './errors';

export interface ListKey {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
}

const iso = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z';
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const sortPattern = new RegExp(`^${iso}#${uuid}$`);
const notePattern = new RegExp(`^NOTE#${uuid}$`);

export function encodeCursor(key: ListKey): string {
  const { pk, sk, gsi1pk, gsi1sk } = key;
  return Buffer.from(JSON.stringify({ pk, sk, gsi1pk, gsi1sk })).toString('base64url');
}

/** Decodes a cursor and checks it belongs to the list `{pk, gsi1pk}`; throws InvalidCursorError. */
export function decodeCursor(cursor: string, expected: { pk: string; gsi1pk: string }): ListKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidCursorError();
  const { pk, sk, gsi1pk, gsi1sk, ...rest } = value as Record<string, unknown>;
  const valid =
    Object.keys(rest).length === 0 &&
    pk === expected.pk &&
    gsi1pk === expected.gsi1pk &&
    typeof sk === 'string' &&
    notePattern.test(sk) &&
    typeof gsi1sk === 'string' &&
    sortPattern.test(gsi1sk) &&
    gsi1sk.endsWith(sk.slice('NOTE#'.length));
  if (!valid) throw new InvalidCursorError();
  return { pk, sk, gsi1pk, gsi1sk } as ListKey;
}
