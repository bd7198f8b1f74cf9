// Data portability: start an export and poll it (the ZIP is built by an asynchronous function).
import { exportIdParamsSchema, exportSchema } from '../exports';
import type { RouteDefinition } from './route';

export const startExportRoute = {
  operationId: 'startExport',
  method: 'post',
  path: '/exports',
  tag: 'Data portability',
  summary: 'Start an export of every note',
  description:
    'Builds a ZIP in the background: one Markdown file per active note with YAML front matter (title, tags, pinned, created, updated, attachments) and its attachments in a folder of the same name beside it. Poll GET /exports/{exportId} until it is ready.',
  auth: 'user',
  response: { status: 202, description: 'The export has started', schema: exportSchema },
  errors: [],
} satisfies RouteDefinition;

export const getExportRoute = {
  operationId: 'getExport',
  method: 'get',
  path: '/exports/{exportId}',
  tag: 'Data portability',
  summary: 'The state of an export, and its download link when ready',
  description: 'The download link works for 24 hours after the export finished; the ZIP is deleted after that.',
  auth: 'user',
  params: exportIdParamsSchema,
  response: { status: 200, description: 'The export', schema: exportSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;
