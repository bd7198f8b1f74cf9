import { noteIdParamsSchema } from '@jotter/shared/notes';
import { deleteNoteForever } from '#domain/attachments';
import { route } from '#http/route';

/** DELETE /trash/{noteId} — deleted for good, with its attachments. */
export const handler = route({ auth: 'user', params: noteIdParamsSchema }, async ({ user, params }) => {
  await deleteNoteForever(user.sub, params.noteId);
  return { status: 204 };
});
