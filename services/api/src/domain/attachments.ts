// Files on notes. Bytes never pass through the API: browsers upload to S3 with a presigned POST
// and download with a presigned GET; S3's ObjectCreated event confirms each upload.
import { randomUUID } from 'node:crypto';
import * as dynamoose from 'dynamoose';
import { attachmentLimits, type AttachmentDownload, type CreateAttachmentRequest, type CreateAttachmentResponse } from '@jotter/shared/attachments';
import { exportKeys, indexes, noteKeys, type AttachmentRecord, type NoteRecord } from '@jotter/shared/server/models';
import { AttachmentNotReadyError, AttachmentTooLargeError, ConcurrentChangeError, NotFoundError, TooManyAttachmentsError } from './errors';
import { findNote, noteKey, plain, toAttachment } from './notes';
import { deleteObject, deleteObjectsUnder, noteObjectsPrefix, objectKey, presignDownload, presignUpload } from './storage';
import { changeQuota, quotaExceeded } from './quotas';
import { cancellationReasons, retryingConflicts, tableModels } from './table';

// Several uploads of one note finish at about the same time; each retry is one read and one write.
const maxLockAttempts = 30;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes a note's attachments hold of the owner's quota: each at its declared size, from the upload request until it fails or is deleted. */
export function reservedBytes(attachments: AttachmentRecord[]): number {
  return attachments.reduce((sum, a) => (a.status === 'failed' ? sum : sum + a.size), 0);
}

/**
 * Rewrites a note's attachment list under its own optimistic lock (`attachmentsRev`), retrying when
 * another writer got there first. `change` returns the new list, or undefined to write nothing.
 * The owner's attachment-bytes quota moves with the list, in the same transaction: a list that
 * would pass the quota is refused (QuotaExceededError) and nothing is written.
 */
async function changeAttachments(
  sub: string,
  noteId: string,
  { activeOnly, current }: { activeOnly: boolean; current?: NoteRecord },
  change: (record: NoteRecord) => AttachmentRecord[] | undefined,
): Promise<void> {
  const { Note } = tableModels();
  for (let attempt = 1; attempt <= maxLockAttempts; attempt++) {
    // The caller's fresh read serves the first attempt; a conflict means it is stale.
    const record = attempt === 1 && current ? current : await findNote(sub, noteId);
    if (!record || (activeOnly && record.state !== 'active')) throw new NotFoundError('Note');
    const attachments = change(record);
    if (!attachments) return;
    const rev = record.attachmentsRev;
    let condition =
      rev === undefined ? new dynamoose.Condition('attachmentsRev').not().exists() : new dynamoose.Condition('attachmentsRev').eq(rev);
    if (activeOnly) condition = condition.and().where('state').eq('active');
    const now = new Date();
    const delta = reservedBytes(attachments) - reservedBytes(record.attachments);
    try {
      await dynamoose.transaction([
        Note.transaction.update(noteKey(sub, noteId), { $SET: { attachments }, $ADD: { attachmentsRev: 1 } }, { condition }),
        ...(delta ? [Promise.resolve(changeQuota(sub, 'attachmentBytes', now, delta))] : []),
      ] as never);
      return;
    } catch (error) {
      const refused = quotaExceeded(error, 1, 'attachmentBytes', now);
      if (refused) throw refused;
      const reasons = cancellationReasons(error);
      // Lost the lock (or a race with another transaction on the note): read again and retry.
      if (!reasons?.some((reason) => reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict')) throw error;
    }
    // Jittered, so colliding writers spread out instead of colliding again.
    await pause(Math.random() * 10 * Math.min(attempt, 5));
  }
  throw new ConcurrentChangeError(`The attachments of this note kept changing (${maxLockAttempts} attempts); try again`);
}

export async function createAttachment(sub: string, noteId: string, input: CreateAttachmentRequest): Promise<CreateAttachmentResponse> {
  if (input.size > attachmentLimits.maxBytes)
    throw new AttachmentTooLargeError(`Files can be at most ${attachmentLimits.maxBytes / 1024 / 1024} MiB`);
  const attachment: AttachmentRecord = {
    attachmentId: randomUUID(),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
  await changeAttachments(sub, noteId, { activeOnly: true }, (record) => {
    if (record.attachments.length >= attachmentLimits.perNote)
      throw new TooManyAttachmentsError(`A note can have at most ${attachmentLimits.perNote} attachments`);
    return [...record.attachments, attachment];
  });
  const expiresIn = attachmentLimits.uploadUrlSeconds;
  const upload = await presignUpload(objectKey(sub, noteId, attachment.attachmentId), input.contentType, input.size, expiresIn);
  return {
    attachment: toAttachment(attachment),
    uploadUrl: upload.url,
    uploadMethod: 'POST',
    uploadFields: upload.fields,
    expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
  };
}

export async function getAttachmentDownload(sub: string, noteId: string, attachmentId: string): Promise<AttachmentDownload> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  const attachment = record.attachments.find((a) => a.attachmentId === attachmentId);
  if (!attachment) throw new NotFoundError('Attachment');
  if (attachment.status !== 'ready')
    throw new AttachmentNotReadyError(attachment.status === 'pending' ? 'The upload has not finished yet' : 'The upload failed; upload the file again');
  const expiresIn = attachmentLimits.downloadUrlSeconds;
  const downloadUrl = await presignDownload(objectKey(sub, noteId, attachmentId), attachment.fileName, attachment.contentType, expiresIn);
  return { attachment: toAttachment(attachment), downloadUrl, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}

export async function deleteAttachment(sub: string, noteId: string, attachmentId: string): Promise<void> {
  const record = await findNote(sub, noteId);
  if (!record || record.state !== 'active') throw new NotFoundError('Note');
  if (!record.attachments.some((a) => a.attachmentId === attachmentId)) throw new NotFoundError('Attachment');
  // The object first: if this fails, nothing changed and the client can retry.
  await deleteObject(objectKey(sub, noteId, attachmentId));
  await changeAttachments(sub, noteId, { activeOnly: false, current: record }, (latest) => {
    const rest = latest.attachments.filter((a) => a.attachmentId !== attachmentId);
    return rest.length === latest.attachments.length ? undefined : rest;
  });
}

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

export type UploadOutcome = 'ready' | 'duplicate' | 'rejected' | 'orphan' | 'export';

/**
 * What an uploaded object means for its attachment record (undefined: nobody asked for it).
 * Only a `pending` record whose declared size the object matches exactly becomes `ready`;
 * anything else (smaller or bigger than declared, a second upload to a ready or failed record) is
 * `rejected`: the record becomes `failed` for good and the object is deleted. The same object
 * delivered again (S3 delivers at least once) changes nothing. `updated` is the record to store.
 */
export function uploadDecision(
  attachment: AttachmentRecord | undefined,
  size: number,
  etag: string,
): { outcome: UploadOutcome; updated?: AttachmentRecord } {
  if (!attachment) return { outcome: 'orphan' };
  if (attachment.etag === etag && attachment.status !== 'pending') return { outcome: 'duplicate' };
  if (attachment.status === 'pending' && size === attachment.size) return { outcome: 'ready', updated: { ...attachment, status: 'ready', size, etag } };
  return { outcome: 'rejected', updated: { ...attachment, status: 'failed', etag } };
}

/**
 * Handles S3's ObjectCreated for `<sub>/<noteId>/<attachmentId>` (see `uploadDecision`): records
 * the outcome and deletes objects that nobody asked for or that were rejected. Idempotent.
 */
export async function recordUpload(key: string, size: number, etag: string): Promise<UploadOutcome> {
  // The exports' ZIPs share the bucket (their own prefix, written by the export function).
  if (key.startsWith(exportKeys.objectPrefix)) return 'export';
  const [sub, noteId, attachmentId, ...rest] = key.split('/');
  if (!sub || !noteId || !attachmentId || rest.length > 0) {
    await deleteObject(key);
    return 'orphan';
  }
  let outcome: UploadOutcome = 'orphan';
  try {
    await changeAttachments(sub, noteId, { activeOnly: false }, (record) => {
      const decision = uploadDecision(
        record.attachments.find((a) => a.attachmentId === attachmentId),
        size,
        etag,
      );
      outcome = decision.outcome;
      const { updated } = decision;
      return updated && record.attachments.map((a) => (a.attachmentId === attachmentId ? updated : a));
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    outcome = 'orphan';
  }
  if (outcome === 'orphan' || outcome === 'rejected') await deleteObject(key);
  return outcome;
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
