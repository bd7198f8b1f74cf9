import { noteIdParamsSchema } from '@jotter/shared/notes';
import { trashNote } from '#domain/notes';
import { route } from '#http/route';

/** DELETE /notes/{noteId} — moves the note to the trash (undo = POST /trash/{noteId}/restore). */
export const handler = route({ auth: 'user', params: noteIdParamsSchema }, async ({ user, params }) => {
  await trashNote(user.sub, params.noteId);
  return { status: 204 };
});
