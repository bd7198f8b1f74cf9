import { listRevisionsRoute } from '@jotter/shared/contract/revisions';
import { listRevisions } from '#domain/revisions';
import { route } from '#http/route';

export const handler = route(listRevisionsRoute, async ({ user, params, query }) => listRevisions(user.sub, params.noteId, query));
