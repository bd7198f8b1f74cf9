import { deleteKeyRoute } from '@jotter/shared/contract/keys';
import { deleteKey } from '#domain/keys';
import { route } from '#http/route';

/** Revokes the key; its next request is refused. */
export const handler = route(deleteKeyRoute, async ({ user, params }) => deleteKey(user.sub, params.keyId));
