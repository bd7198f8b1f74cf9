import { updateNoteRoute } from '@jotter/shared/contract/notes';
import { putNewNote, updateNote } from '#domain/notes';
import { Created, route } from '#http/route';

// With a version: an edit. Without: an idempotent create under the client's id (201, then 200).
export const handler = route(updateNoteRoute, async ({ user, params, query, body }) => {
  if ('version' in body) return updateNote(user.sub, params.noteId, body, { overwrite: query.overwrite === 'true' });
  const { note, created } = await putNewNote(user.sub, params.noteId, body);
  return created ? new Created(note) : note;
});
