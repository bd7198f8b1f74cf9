import { listTrashRoute } from '@jotter/shared/contract/trash';
import { listNotes } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(listTrashRoute, async ({ user, query }) => listNotes(user.sub, 'trash', query));
