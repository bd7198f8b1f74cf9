// Notes and the trash: the product's core rules, with no HTTP in them.
//
// Tags and the pin live on the note and, for a tagged active note, in one note-tag item per tag
// (which a tag's list is read through) and one count item per tag: all written in one transaction
// with the note, under the note's `tagsRev` lock, so counts stay exact under concurrent edits.
// Text edits are checked against `version`; organizing (tags, pin) never touches it.
import { randomUUID } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Attachment, CreateNoteRequest, Note, NoteList, NoteSort, OrganizeNoteRequest, TagList, UpdateNoteRequest } from '@jotter/shared/notes';
import { indexes, noteKeys, type AttachmentRecord, type NoteRecord, type NoteState, type NoteTagRecord } from '@jotter/shared/server/models';
import { decodeCursor, encodeCursor, type SortAttribute } from './cursor';
import { ConcurrentChangeError, NotFoundError, VersionConflictError } from './errors';
import { changeQuota, quotaExceeded } from './quotas';
import { cancellationReasons, db, isConditionFailure, retryingConflicts } from './table';

export interface Page {
  limit: number;
  cursor?: string;
}

export interface ListOptions extends Page {
  sort?: NoteSort;
  tag?: string;
  /** Only pinned notes. */
  pinned?: boolean;
}

const now = () => new Date().toISOString();

export function toNote(record: NoteRecord): Note {
  return {
    noteId: record.noteId,
    title: record.title,
    content: record.content ?? '',
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.deletedAt ? { deletedAt: record.deletedAt } : {}),
    attachments: (record.attachments ?? []).map(toAttachment),
    tags: record.tags ?? [],
    pinned: record.pinned ?? false,
    ...(record.shareCount ? { shared: true } : {}),
  };
}

export function toAttachment({ attachmentId, fileName, contentType, size, status, createdAt }: AttachmentRecord): Attachment {
  return { attachmentId, fileName, contentType, size, status, createdAt };
}

export function noteKey(sub: string, noteId: string) {
  return { pk: noteKeys.pk(sub), sk: noteKeys.sk(noteId) };
}

export function plain(item: unknown): NoteRecord {
  return (item as { toJSON(): NoteRecord }).toJSON();
}

const item = (value: object) => marshall(value, { removeUndefinedValues: true });
const uniqueTags = (tags: readonly string[]) => [...new Set(tags)].sort();

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
function tagWrites(sub: string, before: { tags: string[]; active: boolean }, after: { note: NoteRecord; active: boolean }): TransactWriteItem[] {
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

/**
 * Runs a transaction; a lost race with another transaction on the same items is retried (the
 * conditions decide, not the timing). A failed condition of the first item (the note) is
 * ConditionFailed for the caller to re-read and decide.
 */
class ConditionFailed extends Error {}
async function transact(writes: TransactWriteItem[]): Promise<void> {
  const { client } = db();
  try {
    await retryingConflicts(() => client.transactWriteItems({ TransactItems: writes }));
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw new ConditionFailed();
    throw error;
  }
}

/** The note as stored, read strongly consistently (the base of a read-modify-write). */
export async function findNote(sub: string, noteId: string): Promise<NoteRecord | undefined> {
  const { client, TableName } = db();
  const result = await client.getItem({ TableName, Key: item(noteKey(sub, noteId)), ConsistentRead: true });
  return result.Item ? (unmarshall(result.Item) as NoteRecord) : undefined;
}

export async function getNote(sub: string, noteId: string): Promise<Note> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  return toNote(record);
}

export class NoteExistsError extends Error {
  override name = 'NoteExistsError';
}

/** What an imported note brings beyond a created one: its times and its (pending) attachments. */
export interface ImportedNote {
  createdAt: string;
  updatedAt: string;
  attachments: AttachmentRecord[];
}

/**
 * A new active note: one transaction with its notes-quota counter, note-tag items and tag counts
 * (and, imported with attachments, the attachment-bytes counter).
 */
export async function createNote(sub: string, input: CreateNoteRequest, noteId: string = randomUUID(), imported?: ImportedNote): Promise<Note> {
  const { TableName } = db();
  const time = now();
  const createdAt = imported?.createdAt ?? time;
  const attachments = imported?.attachments ?? [];
  const bytes = attachments.reduce((sum, a) => sum + a.size, 0);
  const tags = uniqueTags(input.tags ?? []);
  const pinned = input.pinned ?? false;
  const record: NoteRecord = {
    ...noteKey(sub, noteId),
    gsi1pk: noteKeys.listPartition(sub, 'active'),
    ...noteKeys.sortKeys({ noteId, title: input.title, createdAt, updatedAt: imported?.updatedAt ?? time, pinned }),
    type: 'note',
    state: 'active',
    ownerId: sub,
    noteId,
    title: input.title,
    content: input.content,
    version: 1,
    createdAt,
    updatedAt: imported?.updatedAt ?? time,
    attachments,
    attachmentsRev: 0,
    tags,
    pinned,
    tagsRev: 0,
  };
  // attribute_not_exists: an existing id is never clobbered (PUT create tells the client).
  const put: TransactWriteItem = { Put: { TableName, Item: item(record), ConditionExpression: 'attribute_not_exists(pk)' } };
  try {
    // The notes quota's counter changes with the note: at the limit, nothing is written.
    const byteQuota = bytes > 0 ? [changeQuota(sub, 'attachmentBytes', new Date(time), bytes)] : [];
    await transact([put, changeQuota(sub, 'notes', new Date(time)), ...byteQuota, ...tagWrites(sub, { tags: [], active: false }, { note: record, active: true })]);
  } catch (error) {
    const refused = quotaExceeded(error, 1, 'notes', new Date(time)) ?? (bytes > 0 ? quotaExceeded(error, 2, 'attachmentBytes', new Date(time)) : undefined);
    if (refused) throw refused;
    if (!(error instanceof ConditionFailed)) throw error;
    // The SDK retries a write that timed out; when the first attempt was applied after all, the
    // retry finds the note already there, exactly as this call wrote it: that note is this write.
    const stored = await findNote(sub, record.noteId);
    if (stored?.createdAt !== createdAt || stored.title !== record.title || stored.content !== record.content) throw new NoteExistsError();
  }
  return toNote(record);
}

/**
 * PUT /notes/{noteId} without `version`: creates the note with the client's id. The same request
 * again (a retry after a lost answer) finds the note as it created it and answers it unchanged;
 * anything else under that id is a conflict.
 */
export async function putNewNote(sub: string, noteId: string, input: CreateNoteRequest): Promise<{ note: Note; created: boolean }> {
  try {
    return { note: await createNote(sub, input, noteId), created: true };
  } catch (error) {
    if (!(error instanceof NoteExistsError)) throw error;
    const existing = await findNote(sub, noteId);
    if (!existing) throw error;
    const same =
      existing.state === 'active' &&
      existing.version === 1 &&
      existing.title === input.title &&
      existing.content === input.content &&
      (existing.pinned ?? false) === (input.pinned ?? false) &&
      uniqueTags(existing.tags ?? []).join('\n') === uniqueTags(input.tags ?? []).join('\n');
    if (!same) throw new VersionConflictError(existing.version);
    return { note: toNote(existing), created: false };
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
 * Items are read back with a plain unmarshall: Dynamoose's per-item schema conformance costs
 * ~0.7 ms of CPU per note, and these are items our own writes shaped.
 */
export async function listNotes(sub: string, state: NoteState, options: ListOptions): Promise<NoteList> {
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
  return { items: notes.map(toNote), nextCursor };
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

/** GET /tags: the user's tags with their number of active notes, A–Z, in one Query. */
export async function listTags(sub: string): Promise<TagList> {
  const { client, TableName } = db();
  const items: TagList['items'] = [];
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const result = await client.query({
      TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#count > :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: item({ ':pk': noteKeys.pk(sub), ':prefix': noteKeys.tagCountPrefix, ':zero': 0 }),
      ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
    });
    for (const raw of result.Items ?? []) {
      const { tag, count } = unmarshall(raw) as { tag: string; count: number };
      items.push({ tag, count });
    }
    ExclusiveStartKey = result.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return { items };
}

/** A note read for a change, or NotFoundError. */
async function activeNote(sub: string, noteId: string): Promise<NoteRecord> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  return record;
}

const tagsRevCondition = (record: NoteRecord) =>
  record.tagsRev === undefined ? { expression: 'attribute_not_exists(tagsRev)', values: {} } : { expression: 'tagsRev = :tagsRev', values: { ':tagsRev': record.tagsRev } };

/** Turns of a write whose note keeps changing under it in tags or pin (see updateNote). */
const maxTurnsUnderChange = 20;

/** A short jittered pause before the next turn, so racing writers spread out instead of colliding again. */
const pauseAfterLostRace = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 5)));

/**
 * The write lost to a concurrent change of the same note, and a fresh read decides what next: its
 * condition failed, or DynamoDB refused it while another transaction held the note.
 */
function lostRace(error: unknown): boolean {
  return error instanceof ConditionFailed || isConditionFailure(error) || (error instanceof Error && error.name === 'TransactionConflictException') || (cancellationReasons(error)?.includes('TransactionConflict') ?? false);
}

/**
 * A text edit, checked against `version`: of several writers holding the same version exactly one
 * wins, the others get VersionConflictError and change nothing. Two DynamoDB calls (read, write);
 * a tagged note's note-tag items take the new sort keys in the same transaction.
 *
 * Only a new version is a conflict. A concurrent tag or pin change (organizeNote, which never
 * bumps the version) only means the note-tag items to re-key changed: read again and retry, with a
 * jittered back-off so the edit is not starved by a burst of them. Each lost turn means another
 * writer's change went in, so the retries are bounded.
 */
export async function updateNote(sub: string, noteId: string, input: UpdateNoteRequest): Promise<Note> {
  const { TableName } = db();
  for (let attempt = 1; ; attempt++) {
    const current = await activeNote(sub, noteId);
    if (current.version !== input.version) throw new VersionConflictError(current.version);
    const time = now();
    const next: NoteRecord = { ...current, title: input.title ?? current.title, content: input.content ?? current.content, updatedAt: time, version: current.version + 1 };
    Object.assign(next, noteKeys.sortKeys(next));
    const tagsRev = tagsRevCondition(current);
    const write: TransactWriteItem = {
      Update: {
        TableName,
        Key: item(noteKey(sub, noteId)),
        UpdateExpression: 'SET title = :title, content = :content, updatedAt = :time, gsi1sk = :s1, gsi3sk = :s3, gsi4sk = :s4 ADD version :one',
        ConditionExpression: `#state = :active AND version = :version AND ${tagsRev.expression}`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: item({ ':title': next.title, ':content': next.content, ':time': time, ':s1': next.gsi1sk, ':s3': next.gsi3sk, ':s4': next.gsi4sk, ':one': 1, ':active': 'active', ':version': input.version, ...tagsRev.values }),
      },
    };
    try {
      if ((current.tags ?? []).length === 0) await db().client.updateItem(write.Update!);
      else await transact([write, ...tagWrites(sub, { tags: current.tags ?? [], active: true }, { note: next, active: true })]);
      return toNote(next);
    } catch (error) {
      // A new version or a trashed note is found by the read at the top of the next turn.
      if (!lostRace(error)) throw error;
      if (attempt >= maxTurnsUnderChange) throw new ConcurrentChangeError(`The tags of this note kept changing while it was saved (${attempt} attempts); try again`);
      await pauseAfterLostRace(attempt);
    }
  }
}

/**
 * Tags and the pin: last writer wins per field, retried on a concurrent organize. Never bumps
 * `version` or `updatedAt`, so it never conflicts with a text edit open elsewhere.
 */
export async function organizeNote(sub: string, noteId: string, input: OrganizeNoteRequest): Promise<Note> {
  const { TableName } = db();
  for (let attempt = 1; ; attempt++) {
    const current = await activeNote(sub, noteId);
    const next: NoteRecord = { ...current, tags: input.tags ? uniqueTags(input.tags) : uniqueTags(current.tags ?? []), pinned: input.pinned ?? current.pinned ?? false };
    Object.assign(next, noteKeys.sortKeys(next));
    if (next.pinned === (current.pinned ?? false) && next.tags!.join('\n') === uniqueTags(current.tags ?? []).join('\n')) return toNote(current);
    next.tagsRev = (current.tagsRev ?? 0) + 1;
    const tagsRev = tagsRevCondition(current);
    const write: TransactWriteItem = {
      Update: {
        TableName,
        Key: item(noteKey(sub, noteId)),
        UpdateExpression: 'SET tags = :tags, pinned = :pinned, tagsRev = :next, gsi1sk = :s1, gsi3sk = :s3, gsi4sk = :s4',
        ConditionExpression: `#state = :active AND ${tagsRev.expression}`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: item({ ':tags': next.tags, ':pinned': next.pinned, ':next': next.tagsRev, ':s1': next.gsi1sk, ':s3': next.gsi3sk, ':s4': next.gsi4sk, ':active': 'active', ...tagsRev.values }),
      },
    };
    try {
      await transact([write, ...tagWrites(sub, { tags: current.tags ?? [], active: true }, { note: next, active: true })]);
      return toNote(next);
    } catch (error) {
      if (!lostRace(error)) throw error;
      if (attempt >= maxTurnsUnderChange) throw new ConcurrentChangeError(`The tags of this note kept changing while they were saved (${attempt} attempts); try again`);
      await pauseAfterLostRace(attempt);
    }
  }
}

/** A condition that holds only while the item is exactly as read (text, attachments, tags and links alike). */
function unchangedSince(record: NoteRecord) {
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

/**
 * Moves a note between the notes list and the trash (a trashed note leaves its tags' lists and
 * counts, a restored one comes back to them). Read, then one conditional write; retried if the
 * note changed in between.
 */
async function moveNote(sub: string, noteId: string, from: NoteState, to: NoteState): Promise<NoteRecord> {
  const { TableName } = db();
  for (let attempt = 0; ; attempt++) {
    const current = await findNote(sub, noteId);
    if (!current || current.state !== from) throw new NotFoundError(from === 'trash' ? 'Note in the trash' : 'Note');
    const time = now();
    const { deletedAt: _deletedAt, gsi2pk: _gsi2pk, gsi2sk: _gsi2sk, gsi3sk: _gsi3sk, gsi4sk: _gsi4sk, ...rest } = current;
    const next: NoteRecord =
      to === 'trash'
        ? { ...rest, state: to, deletedAt: time, gsi1pk: noteKeys.listPartition(sub, to), gsi1sk: noteKeys.listSort(time, noteId), gsi2pk: noteKeys.trashPartition, gsi2sk: noteKeys.trashSort(time, sub, noteId) }
        : // A restored note comes back at the top of the list (below the pinned ones).
          { ...rest, state: to, updatedAt: time, gsi1pk: noteKeys.listPartition(sub, to), ...noteKeys.sortKeys({ ...rest, updatedAt: time }) };
    const put: TransactWriteItem = { Put: { TableName, Item: item(next), ...unchangedSince(current) } };
    try {
      if ((current.tags ?? []).length === 0) await db().client.putItem(put.Put!);
      else await transact([put, ...tagWrites(sub, { tags: current.tags ?? [], active: from === 'active' }, { note: next, active: to === 'active' })]);
      return next;
    } catch (error) {
      if (!(error instanceof ConditionFailed || isConditionFailure(error)) || attempt >= 4) throw error;
    }
  }
}

export async function trashNote(sub: string, noteId: string): Promise<void> {
  await moveNote(sub, noteId, 'active', 'trash');
}

export async function restoreNote(sub: string, noteId: string): Promise<Note> {
  return toNote(await moveNote(sub, noteId, 'trash', 'active'));
}
