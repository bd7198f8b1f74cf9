import { restoreNoteRoute } from '@jotter/shared/contract/trash';
import { restoreNote } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(restoreNoteRoute, async ({ user, params }) => restoreNote(user.sub, params.noteId));
