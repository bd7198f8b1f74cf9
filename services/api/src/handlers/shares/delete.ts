import { deleteShareRoute } from '@jotter/shared/contract/shares';
import { deleteShare } from '#domain/shares';
import { route } from '#http/route';

/** Revokes the link: it answers 404 from the next request on. */
export const handler = route(deleteShareRoute, async ({ user, params }) => deleteShare(user.sub, params.noteId, params.shareId));
