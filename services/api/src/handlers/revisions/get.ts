import { getRevisionRoute } from '@jotter/shared/contract/revisions';
import { getRevision } from '#domain/revisions';
import { route } from '#http/route';

export const handler = route(getRevisionRoute, async ({ user, params }) => getRevision(user.sub, params.noteId, params.revision));
