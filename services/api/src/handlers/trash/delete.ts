import { noteIdParamsSchema } from '@jotter/shared/notes';
import { deleteNoteForever } from '#domain/notes';
import { route } from '#http/route';

/** DELETE /trash/{noteId} — deleted for good. */
export const handler = route({ auth: 'user', params: noteIdParamsSchema }, async ({ user, params }) => {
  await deleteNoteForever(user.sub, params.noteId);
  return { status: 204 };
});
