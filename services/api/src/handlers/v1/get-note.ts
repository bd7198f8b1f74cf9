import { v1GetNoteRoute } from '@jotter/shared/contract/v1';
import { getNote } from '#domain/notes';
import { route } from '#http/api-key-route';

export const handler = route(v1GetNoteRoute, async ({ user, params }) => getNote(user.sub, params.noteId));
