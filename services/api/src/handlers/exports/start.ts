import { startExportRoute } from '@jotter/shared/contract/exports';
import { startExport } from '#domain/exports';
import { route } from '#http/route';

/** Starts the export function; the client polls GET /exports/{exportId}. */
export const handler = route(startExportRoute, async ({ user }) => startExport(user.sub));
