import { searchNotesRoute } from '@jotter/shared/contract/search';
import { searchNotes } from '#domain/search';
import { route } from '#http/route';

export const handler = route(searchNotesRoute, async ({ user, query }) => searchNotes(user.sub, query));
