import { noteIdParamsSchema } from '@jotter/shared/notes';
import { restoreNote } from '#domain/notes';
import { route } from '#http/route';

/** POST /trash/{noteId}/restore */
export const handler = route({ auth: 'user', params: noteIdParamsSchema }, async ({ user, params }) => ({
  status: 200,
  body: await restoreNote(user.sub, params.noteId),
}));
