// The trash's end: deleting a trashed note for good, by its owner or by the daily purge, with its
// files. Trashing and restoring are moves between a note's states (notes.ts).
import * as dynamoose from 'dynamoose';
import { indexes, noteKeys } from '@jotter/shared/server/models';
import { NotFoundError } from './errors';
import { findNote, noteKey, plain } from './notes-table';
import { deleteObjectsUnder, noteObjectsPrefix } from './storage';
import { isConditionFailure, tableModels } from './table';

/** Deletes a trashed note for good, with its files (including uploads that never finished). */
export async function deleteNoteForever(sub: string, noteId: string): Promise<void> {
  const { Note } = tableModels();
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'trash') throw new NotFoundError('Note in the trash');
  // Files first: a failure leaves the note in the trash, and a retry finishes the job.
  await deleteObjectsUnder(noteObjectsPrefix(sub, noteId));
  try {
    await Note.delete(noteKey(sub, noteId), { condition: new dynamoose.Condition('state').eq('trash') });
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError('Note in the trash');
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
      try {
        await Note.delete(noteKey(record.ownerId, record.noteId), {
          condition: new dynamoose.Condition('state').eq('trash').and().where('deletedAt').eq(record.deletedAt),
        });
        report.notesDeleted++;
      } catch (error) {
        // Restored (or purged by an overlapping run) since the query: leave it be.
        if (!isConditionFailure(error)) throw error;
      }
    }
    if (!page.lastKey && records.length < pageSize) return report;
  }
  report.morePending = true;
  return report;
}
