// The trash's end: deleting a trashed note for good, by its owner or by the daily purge, with its
// files, giving back what it held of the quotas. Trashing and restoring are moves between a note's
// states (notes.ts).
import * as dynamoose from 'dynamoose';
import { indexes, noteKeys, type NoteRecord } from '@jotter/shared/server/models';
import { ConcurrentChangeError, NotFoundError } from './errors';
import { findNote, noteKey, plain } from './notes-table';
import { changeQuota, reservedBytes } from './quotas';
import { deleteObjectsUnder, noteObjectsPrefix } from './storage';
import { cancellationReasons, retryingConflicts, tableModels } from './table';

/** Deletes a trashed note for good, with its files (including uploads that never finished). */
export async function deleteNoteForever(sub: string, noteId: string): Promise<void> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'trash') throw new NotFoundError('Note in the trash');
  // Files first: a failure leaves the note in the trash, and a retry finishes the job.
  await deleteObjectsUnder(noteObjectsPrefix(sub, noteId));
  let current: NoteRecord | undefined = record;
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (await deleteTrashedNote(current)) return;
    // Changed since it was read (a late upload's outcome, a restore): read it again.
    current = await findNote(sub, noteId);
    if (!current || current.state !== 'trash') throw new NotFoundError('Note in the trash');
  }
  throw new ConcurrentChangeError('The note kept changing while it was being deleted; try again');
}

/**
 * Deletes a trashed note's item if it is still exactly as read (same trashing, same attachments),
 * giving its place in the notes quota and its attachments' bytes back in the same transaction;
 * false when it changed meanwhile.
 */
async function deleteTrashedNote(record: NoteRecord): Promise<boolean> {
  const { Note } = tableModels();
  const sub = record.ownerId;
  const rev = record.attachmentsRev;
  const condition = new dynamoose.Condition('state').eq('trash').and().where('deletedAt').eq(record.deletedAt).and().where('attachmentsRev');
  if (rev === undefined) condition.not().exists();
  else condition.eq(rev);
  const bytes = reservedBytes(record.attachments ?? []);
  const now = new Date();
  const release = [changeQuota(sub, 'notes', now, -1), ...(bytes > 0 ? [changeQuota(sub, 'attachmentBytes', now, -bytes)] : [])];
  try {
    await retryingConflicts(() =>
      dynamoose.transaction([Note.transaction.delete(noteKey(sub, record.noteId), { condition }), ...release.map((item) => Promise.resolve(item))] as never),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

export interface PurgeReport {
  notesDeleted: number;
  objectsDeleted: number;
  morePending: boolean;
}

/**
 * Deletes notes that have been in the trash longer than `retentionDays`, oldest first, with their
 * files. Bounded per run (the next run continues); idempotent (each delete is conditional).
 */
export async function purgeTrash({
  now = new Date(),
  retentionDays = 30,
  maxNotes = 500,
  pageSize = 25,
}: { now?: Date; retentionDays?: number; maxNotes?: number; pageSize?: number } = {}): Promise<PurgeReport> {
  const { Note } = tableModels();
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000).toISOString();
  const report: PurgeReport = { notesDeleted: 0, objectsDeleted: 0, morePending: false };
  while (report.notesDeleted < maxNotes) {
    const page = await Note.query('gsi2pk')
      .eq(noteKeys.trashPartition)
      .where('gsi2sk')
      .lt(cutoff)
      .using(indexes.byLookup)
      .limit(Math.min(pageSize, maxNotes - report.notesDeleted))
      .exec();
    const records = page.map(plain);
    if (records.length === 0) return report;
    for (const record of records) {
      report.objectsDeleted += await deleteObjectsUnder(noteObjectsPrefix(record.ownerId, record.noteId));
      // Not deleted when changed (restored, purged by an overlapping run) since the query: the next run decides.
      if (await deleteTrashedNote(record)) report.notesDeleted++;
    }
    if (!page.lastKey && records.length < pageSize) return report;
  }
  report.morePending = true;
  return report;
}
