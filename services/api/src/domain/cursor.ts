// Pagination cursors are the DynamoDB key of the last item of a page, base64url-encoded. They are
// opaque to clients but not trusted: a cursor is only accepted if it points into the very list
// (user, state or tag, and order) being read, so a tampered or foreign cursor is a 400, never
// another user's data.
import { InvalidCursorError } from './errors';

/** The sort key attribute of the list's index (see packages/shared/src/models.ts). */
export type SortAttribute = 'gsi1sk' | 'gsi3sk' | 'gsi4sk';

export interface ListKey {
  pk: string;
  sk: string;
  gsi1pk: string;
  [sortKey: string]: string;
}

// A note (NOTE#<id>) or a note-tag item (TAG#<tag>#<id>). A literal, not `new RegExp`: a function
// that never reads a cursor then drops it from its bundle.
const itemPattern = /^(?:NOTE|TAG#[a-z0-9 _-]{1,40})#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(key: { pk: string; sk: string; gsi1pk: string } & Partial<Record<SortAttribute, string>>, attribute: SortAttribute): string {
  const { pk, sk, gsi1pk } = key;
  return Buffer.from(JSON.stringify({ pk, sk, gsi1pk, [attribute]: key[attribute] })).toString('base64url');
}

/** Decodes a cursor and checks it belongs to the list `{pk, gsi1pk}` in the order of `attribute`; throws InvalidCursorError. */
export function decodeCursor(cursor: string, expected: { pk: string; gsi1pk: string }, attribute: SortAttribute): ListKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidCursorError();
  const { pk, sk, gsi1pk, [attribute]: sort, ...rest } = value as Record<string, unknown>;
  const noteId = typeof sk === 'string' ? itemPattern.exec(sk)?.[1] : undefined;
  const valid =
    Object.keys(rest).length === 0 &&
    pk === expected.pk &&
    gsi1pk === expected.gsi1pk &&
    noteId !== undefined &&
    typeof sort === 'string' &&
    sort.length > 0 &&
    sort.length <= 1024 &&
    // The newest-first orders end in the note's id; the title order is the title itself.
    (attribute === 'gsi4sk' || sort.endsWith(noteId));
  if (!valid) throw new InvalidCursorError();
  return { pk, sk, gsi1pk, [attribute]: sort } as ListKey;
}
