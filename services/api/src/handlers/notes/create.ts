import { createNoteRequestSchema } from '@jotter/shared/notes';
import { createNote } from '#domain/notes';
import { route } from '#http/route';

/** POST /notes */
export const handler = route({ auth: 'user', body: createNoteRequestSchema }, async ({ user, body }) => ({
  status: 201,
  body: await createNote(user.sub, body),
}));
