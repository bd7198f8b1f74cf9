import { createShareRoute } from '@jotter/shared/contract/shares';
import { createShare } from '#domain/shares';
import { route } from '#http/route';
import { siteOrigin } from '#http/site-origin';

/** The link's URL is in this response only; 409 limit_exceeded beyond 20 links per note. */
export const handler = route(createShareRoute, async ({ user, params, body, event }) => createShare(user.sub, params.noteId, body, siteOrigin(event)));
