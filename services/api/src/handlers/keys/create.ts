import { createKeyRoute } from '@jotter/shared/contract/keys';
import { createKey } from '#domain/keys';
import { route } from '#http/route';

/** The value is in this response only; 409 limit_exceeded beyond 10 keys. */
export const handler = route(createKeyRoute, async ({ user, body }) => createKey(user.sub, body));
