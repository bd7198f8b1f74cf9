import { deleteAttachmentRoute } from '@jotter/shared/contract/attachments';
import { deleteAttachment } from '#domain/attachments';
import { route } from '#http/route';

/** Removes the file and its record. */
export const handler = route(deleteAttachmentRoute, async ({ user, params }) => deleteAttachment(user.sub, params.noteId, params.attachmentId));
