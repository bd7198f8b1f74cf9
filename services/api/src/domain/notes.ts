// Notes and the trash: the product's core rules, with no HTTP in them.
import { randomUUID } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import type { Attachment, CreateNoteRequest, Note, NoteList, UpdateNoteRequest } from '@jotter/shared/notes';
import { indexes, noteKeys, type AttachmentRecord, type NoteRecord, type NoteState } from '@jotter/shared/server/models';
import { decodeCursor, encodeCursor } from './cursor';
import { NotFoundError, VersionConflictError } from './errors';
import { isConditionFailure, tableModels } from './table';

export interface Page {
  limit: number;
  cursor?: string;
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

export async function createNote(sub: string, input: CreateNoteRequest): Promise<Note> {
  const { Note } = tableModels();
  const noteId = randomUUID();
  const time = now();
  const record: NoteRecord = {
    ...noteKey(sub, noteId),
    gsi1pk: noteKeys.listPartition(sub, 'active'),
    gsi1sk: noteKeys.listSort(time, noteId),
    type: 'note',
    state: 'active',
    ownerId: sub,
    noteId,
    title: input.title,
    content: input.content,
    version: 1,
    createdAt: time,
    updatedAt: time,
    attachments: [],
    attachmentsRev: 0,
  };
  // overwrite: false = attribute_not_exists: a (vanishingly unlikely) id collision never clobbers.
  try {
    await Note.create(record, { overwrite: false });
  } catch (error) {
    // The SDK retries a write that timed out; when the first attempt was applied after all, the
    // retry finds the note already there. The id is fresh, so that note is this very write.
    if (!isConditionFailure(error)) throw error;
    const stored = await findNote(sub, noteId);
    if (stored?.createdAt !== time || stored.title !== record.title || stored.content !== record.content) throw error;
  }
  return toNote(record);
}

/**
 * One Query on byOwnerUpdated, newest first. Reads limit+1 to know whether another page exists.
 *
 * Dynamoose builds the request from the model, but the items are read back with a plain
 * unmarshall: Dynamoose's per-item schema conformance costs ~0.7 ms of CPU per note (15 of the
 * 19 ms of a 20-note page), and these are items our own writes shaped.
 */
export async function listNotes(sub: string, state: NoteState, page: Page): Promise<NoteList> {
  const { Note } = tableModels();
  const partition = { pk: noteKeys.pk(sub), gsi1pk: noteKeys.listPartition(sub, state) };
  let query = Note.query('gsi1pk')
    .eq(partition.gsi1pk)
    .using(indexes.byOwnerUpdated)
    .sort('descending')
    .limit(page.limit + 1);
  if (page.cursor) query = query.startAt(decodeCursor(page.cursor, partition));
  const result = await dynamoose.aws.ddb().query(await query.getRequest());
  const records = (result.Items ?? []).map((item) => unmarshall(item) as NoteRecord);
  const items = records.slice(0, page.limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (records.length > page.limit && last) nextCursor = encodeCursor(last);
  // DynamoDB stops a page at 1 MB; then it tells us where it stopped.
  else if (result.LastEvaluatedKey) nextCursor = encodeCursor(unmarshall(result.LastEvaluatedKey) as NoteRecord);
  return { items: items.map(toNote), nextCursor };
}

export async function findNote(sub: string, noteId: string): Promise<NoteRecord | undefined> {
  const { Note } = tableModels();
  const item = await Note.get(noteKey(sub, noteId));
  return item ? plain(item) : undefined;
}

export async function getNote(sub: string, noteId: string): Promise<Note> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  return toNote(record);
}

/**
 * Conditional write on `version`: of several writers holding the same version exactly one wins,
 * the others get VersionConflictError and change nothing.
 */
export async function updateNote(sub: string, noteId: string, input: UpdateNoteRequest): Promise<Note> {
  const { Note } = tableModels();
  const time = now();
  const changes: Partial<NoteRecord> = { updatedAt: time, gsi1sk: noteKeys.listSort(time, noteId) };
  if (input.title !== undefined) changes.title = input.title;
  if (input.content !== undefined) changes.content = input.content;
  try {
    const item = await Note.update(
      noteKey(sub, noteId),
      { $SET: changes, $ADD: { version: 1 } },
      { condition: new dynamoose.Condition('state').eq('active').and().where('version').eq(input.version) },
    );
    return toNote(plain(item));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Only on failure: one read to tell "gone" from "changed elsewhere".
    const current = await findNote(sub, noteId);
    if (!current || current.state !== 'active') throw new NotFoundError('Note');
    throw new VersionConflictError(current.version);
  }
}

/** Moves a note between the notes list and the trash; the condition makes it a no-op elsewhere. */
async function moveNote(sub: string, noteId: string, from: NoteState, to: NoteState): Promise<NoteRecord> {
  const { Note } = tableModels();
  const time = now();
  const update =
    to === 'trash'
      ? {
          $SET: {
            state: to,
            deletedAt: time,
            gsi1pk: noteKeys.listPartition(sub, to),
            gsi1sk: noteKeys.listSort(time, noteId),
            gsi2pk: noteKeys.trashPartition,
            gsi2sk: noteKeys.trashSort(time, sub, noteId),
          },
        }
      : {
          // A restored note comes back at the top of the list.
          $SET: { state: to, updatedAt: time, gsi1pk: noteKeys.listPartition(sub, to), gsi1sk: noteKeys.listSort(time, noteId) },
          $REMOVE: ['deletedAt', 'gsi2pk', 'gsi2sk'],
        };
  try {
    const item = await Note.update(noteKey(sub, noteId), update, { condition: new dynamoose.Condition('state').eq(from) });
    return plain(item);
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError(from === 'trash' ? 'Note in the trash' : 'Note');
    throw error;
  }
}

export async function trashNote(sub: string, noteId: string): Promise<void> {
  await moveNote(sub, noteId, 'active', 'trash');
}

export async function restoreNote(sub: string, noteId: string): Promise<Note> {
  return toNote(await moveNote(sub, noteId, 'trash', 'active'));
}
