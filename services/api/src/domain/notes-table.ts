// How notes are stored: key builders, the items and writes that go with a note (its tag items
// and counts, the revisions of its text), the conditions that guard them, and the list read path. The rules that decide what
// to write live in notes.ts.
//
// Reads and writes here use the raw DynamoDB client (`db()`), with items as plain objects
// (`item()` marshals, `unmarshall` reads): Dynamoose's per-item schema conformance costs ~0.7 ms of
// CPU per note, and these are items our own writes shaped. Keys come from server/keys and the client
// from dynamodb.ts, not models.ts/table.ts, so the note functions' bundles carry no Dynamoose (~100 kB);
// its models serve the single-item paths of other areas.
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { NoteSort, TagList } from '@jotter/shared/notes';
import { indexes, noteKeys, revisionKeys } from '@jotter/shared/server/keys';
import type { NoteRecord, NoteRevisionFields, NoteState, NoteTagRecord, RevisionRecord } from '@jotter/shared/server/models';
import { revisionLimits } from '@jotter/shared/revision-limits';
import { decodeCursor, encodeCursor, type SortAttribute } from './cursor';
import type { ListOptions } from './notes';
import { cancellationReasons, retryingConflicts } from './ddb-errors';
import { db, queryAll } from './dynamodb';

export function noteKey(sub: string, noteId: string) {
  return { pk: noteKeys.pk(sub), sk: noteKeys.sk(noteId) };
}

export function plain(item: unknown): NoteRecord {
  return (item as { toJSON(): NoteRecord }).toJSON();
}

export const item = (value: object) => marshall(value, { removeUndefinedValues: true });

/** A note item as stored, with the fields only the raw client writes. */
export type StoredNote = NoteRecord & NoteRevisionFields;

/** The note as stored, read strongly consistently (the base of a read-modify-write). */
export async function findNote(sub: string, noteId: string): Promise<StoredNote | undefined> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: item(noteKey(sub, noteId)), ConsistentRead: true });
  return result.Item ? (unmarshall(result.Item) as StoredNote) : undefined;
}

function tagItem(sub: string, note: NoteRecord, tag: string): NoteTagRecord {
  return { pk: noteKeys.pk(sub), sk: noteKeys.tagSk(tag, note.noteId), gsi1pk: noteKeys.tagPartition(sub, tag), ...noteKeys.sortKeys(note), type: 'noteTag', noteId: note.noteId, tag };
}

function countChange(sub: string, tag: string, by: 1 | -1): TransactWriteItem {
  const { TableName } = db();
  return {
    Update: {
      TableName,
      Key: item({ pk: noteKeys.pk(sub), sk: noteKeys.tagCountSk(tag) }),
      UpdateExpression: 'SET #type = :type, #tag = :tag ADD #count :by',
      ExpressionAttributeNames: { '#type': 'type', '#tag': 'tag', '#count': 'count' },
      ExpressionAttributeValues: item({ ':type': 'tagCount', ':tag': tag, ':by': by }),
    },
  };
}

/** Puts, re-keys or deletes the note-tag items and moves the counts from `before` to `after`. */
export function tagWrites(sub: string, before: { tags: string[]; active: boolean }, after: { note: NoteRecord; active: boolean }): TransactWriteItem[] {
  const { TableName } = db();
  const was = new Set(before.active ? before.tags : []);
  const will = new Set(after.active ? (after.note.tags ?? []) : []);
  const writes: TransactWriteItem[] = [];
  for (const tag of will) writes.push({ Put: { TableName, Item: item(tagItem(sub, after.note, tag)) } });
  for (const tag of was) if (!will.has(tag)) writes.push({ Delete: { TableName, Key: item({ pk: noteKeys.pk(sub), sk: noteKeys.tagSk(tag, after.note.noteId) }) } });
  for (const tag of will) if (!was.has(tag)) writes.push(countChange(sub, tag, 1));
  for (const tag of was) if (!will.has(tag)) writes.push(countChange(sub, tag, -1));
  return writes;
}

/** Deletes of some of a note's revisions, for a transaction. */
export function revisionDeletes(sub: string, noteId: string, revisions: readonly number[]): TransactWriteItem[] {
  const { TableName } = db();
  return revisions.map((revision) => ({ Delete: { TableName, Key: item({ pk: noteKeys.pk(sub), sk: revisionKeys.sk(noteId, revision) }) } }));
}

/**
 * The writes that keep `current`'s text as a revision, and the note's new list of kept revisions:
 * the revision item, and the deletion of the oldest ones beyond the per-note limit (the list on
 * the note names them, so this costs no read).
 */
export function keepRevisionWrites(sub: string, current: StoredNote, now: Date): { writes: TransactWriteItem[]; revisions: number[] } {
  const record: RevisionRecord = {
    pk: noteKeys.pk(sub),
    sk: revisionKeys.sk(current.noteId, current.version),
    type: 'revision',
    noteId: current.noteId,
    revision: current.version,
    title: current.title,
    content: current.content,
    createdAt: current.updatedAt,
    expiresAt: Math.floor(now.getTime() / 1000) + revisionLimits.retentionDays * 24 * 3600,
  };
  const kept = [...(current.revisions ?? []), current.version];
  const dropped = kept.slice(0, Math.max(0, kept.length - revisionLimits.maxPerNote));
  return { writes: [{ Put: { TableName: db().TableName, Item: item(record) } }, ...revisionDeletes(sub, current.noteId, dropped)], revisions: kept.slice(dropped.length) };
}

/**
 * Runs a transaction; a lost race with another transaction on the same items is retried (the
 * conditions decide, not the timing). A failed condition of the first item (the note) is
 * ConditionFailed for the caller to re-read and decide.
 */
export class ConditionFailed extends Error {}
export async function transact(writes: TransactWriteItem[]): Promise<void> {
  const { client } = db();
  try {
    await retryingConflicts(() => client.transactWriteItems({ TransactItems: writes }));
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw new ConditionFailed();
    throw error;
  }
}

const sortIndex: Record<NoteSort, { index: string; attribute: SortAttribute; forward: boolean }> = {
  updated: { index: indexes.byOwnerUpdated, attribute: 'gsi1sk', forward: false },
  created: { index: indexes.byOwnerCreated, attribute: 'gsi3sk', forward: false },
  title: { index: indexes.byOwnerTitle, attribute: 'gsi4sk', forward: true },
};

/**
 * One page of a list: one Query on the order's index, reading limit+1 to know whether another page
 * exists. A tag's list reads its note-tag items the same way, then the notes in one BatchGetItem.
 */
export async function readNotePage(sub: string, state: NoteState, options: ListOptions): Promise<{ records: NoteRecord[]; nextCursor: string | null }> {
  const { client, TableName } = db();
  const order = state === 'trash' ? sortIndex.updated : sortIndex[options.sort ?? 'updated'];
  const partition = { pk: noteKeys.pk(sub), gsi1pk: options.tag && state === 'active' ? noteKeys.tagPartition(sub, options.tag) : noteKeys.listPartition(sub, state) };
  const pinnedOnly = options.pinned && state === 'active';
  const result = await client.query({
    TableName,
    IndexName: order.index,
    KeyConditionExpression: pinnedOnly ? '#pk = :pk AND begins_with(#sk, :pin)' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': 'gsi1pk', ...(pinnedOnly ? { '#sk': order.attribute } : {}) },
    ExpressionAttributeValues: item({ ':pk': partition.gsi1pk, ...(pinnedOnly ? { ':pin': order.forward ? '0#' : '1#' } : {}) }),
    ScanIndexForward: order.forward,
    Limit: options.limit + 1,
    ...(options.cursor ? { ExclusiveStartKey: item(decodeCursor(options.cursor, partition, order.attribute)) } : {}),
  });
  const found = (result.Items ?? []).map((raw) => unmarshall(raw) as NoteRecord | NoteTagRecord);
  const page = found.slice(0, options.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (found.length > options.limit && last) nextCursor = encodeCursor(last, order.attribute);
  // DynamoDB stops a page at 1 MB; then it tells us where it stopped.
  else if (result.LastEvaluatedKey) nextCursor = encodeCursor(unmarshall(result.LastEvaluatedKey) as NoteRecord, order.attribute);
  const notes = options.tag && state === 'active' ? await notesOf(sub, page.map((entry) => entry.noteId)) : (page as NoteRecord[]);
  return { records: notes, nextCursor };
}

/** The notes with these ids, in this order, in one BatchGetItem (plus retries of unprocessed keys). */
async function notesOf(sub: string, noteIds: string[]): Promise<NoteRecord[]> {
  if (noteIds.length === 0) return [];
  const { client, TableName } = db();
  const byId = new Map<string, NoteRecord>();
  let keys = noteIds.map((noteId) => item(noteKey(sub, noteId)));
  for (let attempt = 0; keys.length > 0; attempt++) {
    const result = await client.batchGetItem({ RequestItems: { [TableName]: { Keys: keys } } });
    for (const raw of result.Responses?.[TableName] ?? []) {
      const record = unmarshall(raw) as NoteRecord;
      byId.set(record.noteId, record);
    }
    keys = result.UnprocessedKeys?.[TableName]?.Keys ?? [];
    if (keys.length > 0) {
      if (attempt >= 6) throw new Error('DynamoDB left keys unprocessed');
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
  // A note trashed between the two reads drops out of the page.
  return noteIds.flatMap((noteId) => {
    const record = byId.get(noteId);
    return record && record.state === 'active' ? [record] : [];
  });
}

const tagsRevCondition = (record: NoteRecord) =>
  record.tagsRev === undefined ? { expression: 'attribute_not_exists(tagsRev)', values: {} } : { expression: 'tagsRev = :tagsRev', values: { ':tagsRev': record.tagsRev } };

/**
 * Writes `set` and `next`'s sort keys to an active note, only while its tags are as `current` had
 * them (its tag items are re-keyed in the same transaction) and `condition` holds.
 */
export function activeNoteUpdate(sub: string, current: NoteRecord, next: NoteRecord, change: { set: string; values: Record<string, unknown>; condition?: string }): TransactWriteItem {
  const tagsRev = tagsRevCondition(current);
  return {
    Update: {
      TableName: db().TableName,
      Key: item(noteKey(sub, current.noteId)),
      UpdateExpression: `SET ${change.set}, gsi1sk = :s1, gsi3sk = :s3, gsi4sk = :s4`,
      ConditionExpression: ['#state = :active', change.condition, tagsRev.expression].filter(Boolean).join(' AND '),
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: item({ ...change.values, ':s1': next.gsi1sk, ':s3': next.gsi3sk, ':s4': next.gsi4sk, ':active': 'active', ...tagsRev.values }),
    },
  };
}

/** A condition that holds only while the item is exactly as read (text, attachments, tags and links alike). */
export function unchangedSince(record: NoteRecord) {
  const names: Record<string, string> = { '#state': 'state' };
  const values: Record<string, unknown> = { ':state': record.state, ':version': record.version };
  const parts = ['#state = :state', 'version = :version'];
  for (const field of ['attachmentsRev', 'tagsRev', 'shareCount'] as const) {
    if (record[field] === undefined) parts.push(`attribute_not_exists(${field})`);
    else {
      parts.push(`${field} = :${field}`);
      values[`:${field}`] = record[field];
    }
  }
  return { ConditionExpression: parts.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: item(values) };
}

/** The user's tags with their number of active notes, A–Z: one Query of the count items (paged past 1 MB). */
export async function readTagCounts(sub: string): Promise<TagList['items']> {
  const counts = await queryAll<{ tag: string; count: number }>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#count > :zero',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: item({ ':pk': noteKeys.pk(sub), ':prefix': noteKeys.tagCountPrefix, ':zero': 0 }),
  });
  return counts.map(({ tag, count }) => ({ tag, count }));
}
