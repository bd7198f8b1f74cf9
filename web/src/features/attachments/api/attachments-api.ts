import type { AttachmentDownload, CreateAttachmentRequest, CreateAttachmentResponse } from '@jotter/shared/attachments';
import type { Note } from '@jotter/shared/notes';
import { api } from '../../../lib/api';
import type { AttachmentsApi } from '../utils/upload-queue';

const id = (value: string) => encodeURIComponent(value);
const base = (noteId: string) => `/notes/${id(noteId)}/attachments`;

export const attachmentsApi: AttachmentsApi & { download(noteId: string, attachmentId: string): Promise<AttachmentDownload> } = {
  /** Declares a file; the answer is a presigned POST for it (valid 15 minutes). */
  declare: (noteId: string, body: CreateAttachmentRequest) => api<CreateAttachmentResponse>(base(noteId), { method: 'POST', body }),
  /** A short-lived download link (409 attachment_not_ready while pending). */
  download: (noteId: string, attachmentId: string) => api<AttachmentDownload>(`${base(noteId)}/${id(attachmentId)}`),
  remove: (noteId: string, attachmentId: string) => api<void>(`${base(noteId)}/${id(attachmentId)}`, { method: 'DELETE' }),
  getNote: (noteId: string) => api<Note>(`/notes/${id(noteId)}`),
};
