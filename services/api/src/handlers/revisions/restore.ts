import { restoreRevisionRoute } from '@jotter/shared/contract/revisions';
import { restoreRevision } from '#domain/revisions';
import { route } from '#http/route';

export const handler = route(restoreRevisionRoute, async ({ user, params, body }) => restoreRevision(user.sub, params.noteId, params.revision, body.version));
