// Reading revisions, with the raw DynamoDB client (key layout: models.ts). A revision is written
// by notes-table.ts (keepRevisionWrites), in the transaction of the save that replaces its text
// (notes.ts), so a save and its revision land together or not at all.
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { noteKeys, revisionKeys } from '@jotter/shared/server/keys';
import type { RevisionRecord } from '@jotter/shared/server/models';
import { InvalidCursorError } from './errors';
import type { StoredNote } from './notes-table';
import { db } from './dynamodb';

const item = (value: object) => marshall(value, { removeUndefinedValues: true });
const revisionKey = (sub: string, noteId: string, revision: number) => ({ pk: noteKeys.pk(sub), sk: revisionKeys.sk(noteId, revision) });
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The note and one of its revisions, read together (one strongly consistent TransactGetItems). */
export async function findNoteAndRevision(sub: string, noteId: string, revision: number): Promise<{ note?: StoredNote; revision?: RevisionRecord }> {
  const { client, TableName } = db();
  const result = await client.transactGetItems({
    TransactItems: [{ Get: { TableName, Key: item({ pk: noteKeys.pk(sub), sk: noteKeys.sk(noteId) }) } }, { Get: { TableName, Key: item(revisionKey(sub, noteId, revision)) } }],
  });
  const [note, found] = (result.Responses ?? []).map((response) => (response.Item ? unmarshall(response.Item) : undefined));
  // The TTL deletes an expired item within days, not at once: until then it is already gone.
  const live = found && (found as RevisionRecord).expiresAt > seconds(new Date()) ? (found as RevisionRecord) : undefined;
  return { note: note as StoredNote | undefined, revision: live };
}

/** Whether the user has this note, active (the revisions of a note in the trash are not shown). */
export async function hasActiveNote(sub: string, noteId: string): Promise<boolean> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: item({ pk: noteKeys.pk(sub), sk: noteKeys.sk(noteId) }), ProjectionExpression: '#state', ExpressionAttributeNames: { '#state': 'state' } });
  return result.Item !== undefined && unmarshall(result.Item).state === 'active';
}

const encodeCursor = (revision: number) => Buffer.from(String(revision)).toString('base64url');
function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new InvalidCursorError();
  return Number(text);
}

/** One page of a note's live revisions, newest first: one Query reading limit+1. */
export async function queryRevisions(sub: string, noteId: string, page: { limit: number; cursor?: string }): Promise<{ items: RevisionRecord[]; nextCursor: string | null }> {
  const { client, TableName } = db();
  const result = await client.query({
    TableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: 'expiresAt > :now',
    ExpressionAttributeValues: item({ ':pk': noteKeys.pk(sub), ':prefix': revisionKeys.prefix(noteId), ':now': seconds(new Date()) }),
    ScanIndexForward: false,
    Limit: page.limit + 1,
    ...(page.cursor ? { ExclusiveStartKey: item(revisionKey(sub, noteId, decodeCursor(page.cursor))) } : {}),
  });
  const found = (result.Items ?? []).map((raw) => unmarshall(raw) as RevisionRecord);
  const items = found.slice(0, page.limit);
  let nextCursor: string | null = null;
  if (found.length > page.limit) nextCursor = encodeCursor(items.at(-1)!.revision);
  // Stopped early (1 MB, or the limit counted items the filter then dropped): go on from there.
  else if (result.LastEvaluatedKey) nextCursor = encodeCursor((unmarshall(result.LastEvaluatedKey) as { sk: string }).sk.split('#').map(Number).at(-1)!);
  return { items, nextCursor };
}
