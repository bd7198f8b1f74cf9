import { pageQuerySchema } from '@jotter/shared/notes';
import { listNotes } from '#domain/notes';
import { route } from '#http/route';

/** GET /trash?limit&cursor — most recently deleted first. */
export const handler = route({ auth: 'user', query: pageQuerySchema }, async ({ user, query }) => ({
  status: 200,
  body: await listNotes(user.sub, 'trash', query),
}));
