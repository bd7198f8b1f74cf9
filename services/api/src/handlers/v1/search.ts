import { v1SearchRoute } from '@jotter/shared/contract/v1';
import { searchNotes } from '#domain/search';
import { route } from '#http/api-key-route';

export const handler = route(v1SearchRoute, async ({ user, query }) => searchNotes(user.sub, query));
