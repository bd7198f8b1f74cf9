import { keyIdParamsSchema } from '@jotter/shared/keys';
import { deleteKey } from '#domain/keys';
import { route } from '#http/route';

/** DELETE /keys/{keyId} — revokes the key; its next request is refused. */
export const handler = route({ auth: 'user', params: keyIdParamsSchema }, async ({ user, params }) => {
  await deleteKey(user.sub, params.keyId);
  return { status: 204 };
});
