import { organizeNoteRoute } from '@jotter/shared/contract/notes';
import { organizeNote } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(organizeNoteRoute, async ({ user, params, body }) => organizeNote(user.sub, params.noteId, body));
