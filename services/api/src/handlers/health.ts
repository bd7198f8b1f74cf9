import { healthRoute } from '@jotter/shared/contract/system';
import { route } from '#http/route';

/** Liveness for monitors and the web app's status indicator. */
export const handler = route(healthRoute, async () => ({ status: 'ok' as const }));
