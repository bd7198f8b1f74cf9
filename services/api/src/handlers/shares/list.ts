import { listSharesRoute } from '@jotter/shared/contract/shares';
import { listShares } from '#domain/shares';
import { route } from '#http/route';

export const handler = route(listSharesRoute, async ({ user, params }) => ({ items: await listShares(user.sub, params.noteId) }));
