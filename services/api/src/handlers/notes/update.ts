import { updateNoteRoute } from '@jotter/shared/contract/notes';
import { updateNote } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(updateNoteRoute, async ({ user, params, body }) => updateNote(user.sub, params.noteId, body));
