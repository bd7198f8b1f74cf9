import { trashNoteRoute } from '@jotter/shared/contract/notes';
import { trashNote } from '#domain/notes';
import { route } from '#http/route';

/** Moves the note to the trash (undo = POST /trash/{noteId}/restore). */
export const handler = route(trashNoteRoute, async ({ user, params }) => trashNote(user.sub, params.noteId));
