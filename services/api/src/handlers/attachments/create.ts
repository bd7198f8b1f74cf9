import { createAttachmentRoute } from '@jotter/shared/contract/attachments';
import { createAttachment } from '#domain/attachments';
import { route } from '#http/route';

export const handler = route(createAttachmentRoute, async ({ user, params, body }) => createAttachment(user.sub, params.noteId, body));
