import type { KeyList } from '@jotter/shared/keys';
import { listKeys } from '#domain/keys';
import { route } from '#http/route';

/** GET /keys — the user's keys, newest first, with usage today and this month (UTC). */
export const handler = route({ auth: 'user' }, async ({ user }) => ({
  status: 200,
  body: { items: await listKeys(user.sub) } satisfies KeyList,
}));
