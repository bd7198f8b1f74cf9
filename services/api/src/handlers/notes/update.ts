import { noteIdParamsSchema, updateNoteRequestSchema } from '@jotter/shared/notes';
import { updateNote } from '#domain/notes';
import { route } from '#http/route';

/** PUT /notes/{noteId} — 409 version_conflict when `version` is stale. */
export const handler = route(
  { auth: 'user', params: noteIdParamsSchema, body: updateNoteRequestSchema },
  async ({ user, params, body }) => ({ status: 200, body: await updateNote(user.sub, params.noteId, body) }),
);
