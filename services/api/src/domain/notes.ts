// Notes and the trash: the product's core rules, with no HTTP in them.
//
// Tags and the pin live on the note and, for a tagged active note, in one note-tag item per tag
// (which a tag's list is read through) and one count item per tag: all written in one transaction
// with the note, under the note's `tagsRev` lock, so counts stay exact under concurrent edits.
// Text edits are checked against `version`; organizing (tags, pin) never touches it.
import { randomUUID } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Attachment, CreateNoteRequest, Note, NoteList, NoteSort, OrganizeNoteRequest, TagList, UpdateNoteRequest } from '@jotter/shared/notes';
import { noteKeys } from '@jotter/shared/server/keys';
import type { AttachmentRecord, NoteRecord, NoteState } from '@jotter/shared/server/models';
import { ConcurrentChangeError, NotFoundError, VersionConflictError } from './errors';
import { activeNoteUpdate, ConditionFailed, findNote, item, keepRevisionWrites, noteKey, readNotePage, readTagCounts, tagWrites, transact, unchangedSince, type StoredNote } from './notes-table';
import { changeQuota, quotaExceeded } from './quotas';
import { keepsRevision } from './revision-policy';
import { cancellationReasons, isConditionFailure } from './ddb-errors';
import { db } from './dynamodb';

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

const uniqueTags = (tags: readonly string[]) => [...new Set(tags)].sort();

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

/** One page of the notes list or the trash, in the asked order (see readNotePage). */
export async function listNotes(sub: string, state: NoteState, options: ListOptions): Promise<NoteList> {
  const { records, nextCursor } = await readNotePage(sub, state, options);
  return { items: records.map(toNote), nextCursor };
}

/** GET /tags: the user's tags with their number of active notes, A–Z, in one Query. */
export async function listTags(sub: string): Promise<TagList> {
  return { items: await readTagCounts(sub) };
}

/** A note read for a change, or NotFoundError. */
async function activeNote(sub: string, noteId: string): Promise<StoredNote> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  return record;
}

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
 * a tagged note's note-tag items take the new sort keys, and a revision of the text it replaces is
 * kept (revision-policy.ts decides when), in the same transaction. `overwrite`: the edit replaces
 * a version it did not start from, after a conflict.
 */
export async function updateNote(sub: string, noteId: string, input: UpdateNoteRequest, { overwrite = false } = {}): Promise<Note> {
  return saveText(sub, noteId, input.version, (current) => ({ title: input.title ?? current.title, content: input.content ?? current.content }), overwrite);
}

/**
 * Writes the note's new text (`text` of the note as read) as the version after `version`.
 * `alwaysKeepRevision`: keep the replaced text as a revision whatever the autosave window says.
 * `firstRead`: the note as the caller just read it, strongly consistently, saving the first read.
 *
 * Only a new version is a conflict. A concurrent tag or pin change (organizeNote, which never
 * bumps the version) only means the note-tag items to re-key changed: read again and retry, with a
 * jittered back-off so the edit is not starved by a burst of them. Each lost turn means another
 * writer's change went in, so the retries are bounded.
 */
export async function saveText(
  sub: string,
  noteId: string,
  version: number,
  text: (current: StoredNote) => { title: string; content: string },
  alwaysKeepRevision: boolean,
  firstRead?: StoredNote,
): Promise<Note> {
  for (let attempt = 1; ; attempt++) {
    const current = attempt === 1 && firstRead ? firstRead : await activeNote(sub, noteId);
    if (current.version !== version) throw new VersionConflictError(current.version);
    const time = now();
    const next: StoredNote = { ...current, ...text(current), updatedAt: time, version: current.version + 1 };
    Object.assign(next, noteKeys.sortKeys(next));
    const revision = keepsRevision(alwaysKeepRevision, current.lastRevisionAt, new Date(time)) ? keepRevisionWrites(sub, current, new Date(time)) : undefined;
    if (revision) Object.assign(next, { lastRevisionAt: time, revisions: revision.revisions });
    const write = activeNoteUpdate(sub, current, next, {
      set: `title = :title, content = :content, updatedAt = :time, version = :next${revision ? ', lastRevisionAt = :time, revisions = :revisions' : ''}`,
      values: { ':title': next.title, ':content': next.content, ':time': time, ':next': next.version, ':version': version, ...(revision ? { ':revisions': revision.revisions } : {}) },
      condition: 'version = :version',
    });
    const writes = [write, ...(revision?.writes ?? []), ...tagWrites(sub, { tags: current.tags ?? [], active: true }, { note: next, active: true })];
    try {
      if (writes.length === 1) await db().client.updateItem(write.Update!);
      else await transact(writes);
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
  for (let attempt = 1; ; attempt++) {
    const current = await activeNote(sub, noteId);
    const next: NoteRecord = { ...current, tags: input.tags ? uniqueTags(input.tags) : uniqueTags(current.tags ?? []), pinned: input.pinned ?? current.pinned ?? false };
    Object.assign(next, noteKeys.sortKeys(next));
    if (next.pinned === (current.pinned ?? false) && next.tags!.join('\n') === uniqueTags(current.tags ?? []).join('\n')) return toNote(current);
    next.tagsRev = (current.tagsRev ?? 0) + 1;
    const write = activeNoteUpdate(sub, current, next, {
      set: 'tags = :tags, pinned = :pinned, tagsRev = :next',
      values: { ':tags': next.tags, ':pinned': next.pinned, ':next': next.tagsRev },
    });
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
