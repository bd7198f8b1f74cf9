import { listTagsRoute } from '@jotter/shared/contract/notes';
import { listTags } from '#domain/notes';
import { route } from '#http/route';

export const handler = route(listTagsRoute, async ({ user }) => listTags(user.sub));
