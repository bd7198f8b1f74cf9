import { getNoteRoute } from '@jotter/shared/contract/notes';
import { getNote } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(getNoteRoute, async ({ user, params }) => getNote(user.sub, params.noteId));
