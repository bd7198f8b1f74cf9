import type { Health } from '@jotter/shared/account';
import { route } from '#http/route';

/** GET /health — liveness for monitors and the web app's status indicator. */
export const handler = route({ auth: 'public' }, async () => ({ status: 200, body: { status: 'ok' } satisfies Health }));
