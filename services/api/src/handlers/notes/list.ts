import { listNotesRoute } from '@jotter/shared/contract/notes';
import { listNotes } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(listNotesRoute, async ({ user, query }) =>
  listNotes(user.sub, 'active', { ...query, pinned: query.pinned === 'true' }),
);
