// Files on notes. Bytes never pass through the API: browsers upload to S3 with a presigned POST
// and download with a presigned GET; S3's ObjectCreated event confirms each upload.
//
// Writes use the raw client (the note's own item, conditions by hand) like notes-table.ts, so the
// attachment functions' bundles carry no Dynamoose (~100 kB).
import { randomUUID } from 'node:crypto';
import { attachmentLimits, type AttachmentDownload, type CreateAttachmentRequest, type CreateAttachmentResponse } from '@jotter/shared/attachments';
import { exportKeys } from '@jotter/shared/server/export-keys';
import type { AttachmentRecord, NoteRecord } from '@jotter/shared/server/models';
import { AttachmentNotReadyError, AttachmentTooLargeError, ConcurrentChangeError, NotFoundError, TooManyAttachmentsError } from './errors';
import { toAttachment } from './notes';
import { findNote, item, noteKey } from './notes-table';
import { changeQuota, quotaExceeded, reservedBytes } from './quotas';
import { deleteObject, objectKey, presignDownload, presignUpload } from './storage';
import { cancellationReasons } from './ddb-errors';
import { db } from './dynamodb';

// Several uploads of one note finish at about the same time; each retry is one read and one write.
const maxLockAttempts = 30;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const { client, TableName } = db();
  for (let attempt = 1; attempt <= maxLockAttempts; attempt++) {
    // The caller's fresh read serves the first attempt; a conflict means it is stale.
    const record = attempt === 1 && current ? current : await findNote(sub, noteId);
    if (!record || (activeOnly && record.state !== 'active')) throw new NotFoundError('Note');
    const attachments = change(record);
    if (!attachments) return;
    const rev = record.attachmentsRev;
    const conditions = [rev === undefined ? 'attribute_not_exists(attachmentsRev)' : 'attachmentsRev = :rev', ...(activeOnly ? ['#state = :active'] : [])];
    const now = new Date();
    const delta = reservedBytes(attachments) - reservedBytes(record.attachments);
    try {
      await client.transactWriteItems({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: item(noteKey(sub, noteId)),
              UpdateExpression: 'SET attachments = :attachments ADD attachmentsRev :one',
              ConditionExpression: conditions.join(' AND '),
              ...(activeOnly ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
              ExpressionAttributeValues: item({ ':attachments': attachments, ':one': 1, ':rev': rev, ...(activeOnly ? { ':active': 'active' } : {}) }),
            },
          },
          ...(delta ? [changeQuota(sub, 'attachmentBytes', now, delta)] : []),
        ],
      });
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
