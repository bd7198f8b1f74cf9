import { deleteNoteForeverRoute } from '@jotter/shared/contract/trash';
import { deleteNoteForever } from '#domain/trash';
import { route } from '#http/route';

export const handler = route(deleteNoteForeverRoute, async ({ user, params }) => deleteNoteForever(user.sub, params.noteId));
