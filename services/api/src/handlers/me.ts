import { meRoute } from '@jotter/shared/contract/system';
import { bearerToken } from '#auth/verify-access-token';
import { getUserEmail } from '#domain/users';
import { route } from '#http/route';

export const handler = route(meRoute, async ({ user, event }) => ({
  sub: user.sub,
  email: await getUserEmail(bearerToken(event.headers.Authorization ?? event.headers.authorization)),
}));
