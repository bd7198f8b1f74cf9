import { attachmentParamsSchema } from '@jotter/shared/attachments';
import { deleteAttachment } from '#domain/attachments';
import { route } from '#http/route';

/** DELETE /notes/{noteId}/attachments/{attachmentId} — removes the file and its record. */
export const handler = route({ auth: 'user', params: attachmentParamsSchema }, async ({ user, params }) => {
  await deleteAttachment(user.sub, params.noteId, params.attachmentId);
  return { status: 204 };
});
