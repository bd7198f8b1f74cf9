import { attachmentParamsSchema } from '@jotter/shared/attachments';
import { getAttachmentDownload } from '#domain/attachments';
import { route } from '#http/route';

/** GET /notes/{noteId}/attachments/{attachmentId} — a short-lived download URL. */
export const handler = route({ auth: 'user', params: attachmentParamsSchema }, async ({ user, params }) => ({
  status: 200,
  body: await getAttachmentDownload(user.sub, params.noteId, params.attachmentId),
}));
