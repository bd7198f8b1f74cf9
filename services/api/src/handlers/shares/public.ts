import { getPublicShareRoute } from '@jotter/shared/contract/shares';
import { readPublicShare } from '#domain/public-share';
import { route } from '#http/route';

/** No sign-in: the token is the permission. */
export const handler = route(getPublicShareRoute, async ({ params }) => readPublicShare(params.token));
