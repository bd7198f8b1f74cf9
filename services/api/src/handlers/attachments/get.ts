import { getAttachmentRoute } from '@jotter/shared/contract/attachments';
import { getAttachmentDownload } from '#domain/attachments';
import { route } from '#http/route';

export const handler = route(getAttachmentRoute, async ({ user, params }) => getAttachmentDownload(user.sub, params.noteId, params.attachmentId));
