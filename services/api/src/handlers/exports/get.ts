import { getExportRoute } from '@jotter/shared/contract/exports';
import { getExport } from '#domain/exports';
import { route } from '#http/route';

export const handler = route(getExportRoute, async ({ user, params }) => getExport(user.sub, params.exportId));
