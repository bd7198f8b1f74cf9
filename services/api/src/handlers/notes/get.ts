import { noteIdParamsSchema } from '@jotter/shared/notes';
import { getNote } from '#domain/notes';
import { route } from '#http/route';

/** GET /notes/{noteId} */
export const handler = route({ auth: 'user', params: noteIdParamsSchema }, async ({ user, params }) => ({
  status: 200,
  body: await getNote(user.sub, params.noteId),
}));
