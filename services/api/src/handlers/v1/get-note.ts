import { noteIdParamsSchema } from '@jotter/shared/notes';
import { getNote } from '#domain/notes';
import { route } from '#http/route';
import { meteredCaller } from './caller';

/** GET /v1/notes/{noteId} — one of the key owner's notes; counted against the daily quota. */
export const handler = route({ auth: 'public', params: noteIdParamsSchema }, async ({ event, params }) => {
  const owner = await meteredCaller(event);
  return { status: 200, body: await getNote(owner.sub, params.noteId) };
});
