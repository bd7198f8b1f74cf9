import { createKeyRequestSchema } from '@jotter/shared/keys';
import { createKey } from '#domain/keys';
import { route } from '#http/route';

/** POST /keys — the value is in this response only; 409 limit_exceeded beyond 10 keys. */
export const handler = route({ auth: 'user', body: createKeyRequestSchema }, async ({ user, body }) => ({
  status: 201,
  body: await createKey(user.sub, body),
}));
