import { importRoute } from '@jotter/shared/contract/exports';
import { importArchive } from '#domain/imports';
import { route } from '#http/route';

export const handler = route(importRoute, async ({ user, bytes }) => importArchive(user.sub, bytes));
