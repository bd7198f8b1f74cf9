import { pageQuerySchema } from '@jotter/shared/notes';
import { listNotes } from '#domain/notes';
import { route } from '#http/route';

/** GET /notes?limit&cursor — newest `updatedAt` first. */
export const handler = route({ auth: 'user', query: pageQuerySchema }, async ({ user, query }) => ({
  status: 200,
  body: await listNotes(user.sub, 'active', query),
}));
