import { createNoteRoute } from '@jotter/shared/contract/notes';
import { createNote } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(createNoteRoute, async ({ user, body }) => createNote(user.sub, body));
