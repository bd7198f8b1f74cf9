import type { Me } from '@jotter/shared/account';
import { bearerToken } from '#auth/verify-access-token';
import { getUserEmail } from '#domain/users';
import { route } from '#http/route';

/** GET /me — who the access token belongs to. */
export const handler = route({ auth: 'user' }, async ({ user, event }) => {
  const email = await getUserEmail(bearerToken(event.headers.Authorization ?? event.headers.authorization));
  return { status: 200, body: { sub: user.sub, email } satisfies Me };
});
