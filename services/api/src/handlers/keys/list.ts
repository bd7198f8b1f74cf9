import { listKeysRoute } from '@jotter/shared/contract/keys';
import { listKeys } from '#domain/keys';
import { route } from '#http/route';

export const handler = route(listKeysRoute, async ({ user }) => ({ items: await listKeys(user.sub) }));
