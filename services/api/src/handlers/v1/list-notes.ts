import { v1ListNotesRoute } from '@jotter/shared/contract/v1';
import { listNotes } from '#domain/notes';
import { route } from '#http/api-key-route';

export const handler = route(v1ListNotesRoute, async ({ user, query }) => listNotes(user.sub, 'active', query));
