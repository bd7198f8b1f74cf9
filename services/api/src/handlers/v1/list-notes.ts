import { pageQuerySchema } from '@jotter/shared/notes';
import { listNotes } from '#domain/notes';
import { route } from '#http/route';
import { meteredCaller } from './caller';

/** GET /v1/notes?limit&cursor — the key owner's notes, like GET /notes; counted against the daily quota. */
export const handler = route({ auth: 'public', query: pageQuerySchema }, async ({ event, query }) => {
  const owner = await meteredCaller(event);
  return { status: 200, body: await listNotes(owner.sub, 'active', query) };
});
