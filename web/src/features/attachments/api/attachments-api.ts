import type { AttachmentDownload } from '@jotter/shared/attachments';
import { createAttachmentRoute, deleteAttachmentRoute, getAttachmentRoute } from '@jotter/shared/contract/attachments';
import { getNoteRoute } from '@jotter/shared/contract/notes';
import { api } from '../../../lib/api';
import type { AttachmentsApi } from '../utils/upload-queue';

export const attachmentsApi: AttachmentsApi & { download(noteId: string, attachmentId: string): Promise<AttachmentDownload> } = {
  /** Declares a file; the answer is a presigned POST for it (valid 15 minutes). */
  declare: (noteId, body) => api(createAttachmentRoute, { params: { noteId }, body }),
  /** A short-lived download link (409 attachment_not_ready while pending). */
  download: (noteId, attachmentId) => api(getAttachmentRoute, { params: { noteId, attachmentId } }),
  remove: (noteId, attachmentId) => api(deleteAttachmentRoute, { params: { noteId, attachmentId } }),
  getNote: (noteId) => api(getNoteRoute, { params: { noteId } }),
};
