import { createAttachmentRequestSchema } from '@jotter/shared/attachments';
import { noteIdParamsSchema } from '@jotter/shared/notes';
import { createAttachment } from '#domain/attachments';
import { route } from '#http/route';

/** POST /notes/{noteId}/attachments — records a pending attachment and returns a presigned POST. */
export const handler = route(
  { auth: 'user', params: noteIdParamsSchema, body: createAttachmentRequestSchema },
  async ({ user, params, body }) => ({ status: 201, body: await createAttachment(user.sub, params.noteId, body) }),
);
