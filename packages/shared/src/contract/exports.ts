// Data portability: start an export and poll it (the ZIP is built by an asynchronous function);
// import a ZIP of Markdown or text files.
import { exportIdParamsSchema, exportSchema, importResultSchema, maxImportBytes } from '../exports';
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

export const importRoute = {
  operationId: 'importNotes',
  method: 'post',
  path: '/imports',
  tag: 'Data portability',
  summary: 'Import notes from a ZIP',
  description:
    "Jotter's own export, or any ZIP of .md and .txt files (the title comes from the front matter, else the first heading, else the file name); files in a folder beside a note become its attachments. An archive with unsafe names (absolute, `..`, invalid UTF-8, duplicates), more than 2,000 entries or that inflates too much is refused whole (400, nothing written). Files it cannot use, and notes past the quota, are listed in `skipped`. Sending the same archive again does not duplicate notes.",
  auth: 'user',
  binaryBody: { contentType: 'application/zip', maxBytes: maxImportBytes, description: 'The ZIP archive' },
  response: { status: 200, description: 'What was imported and what was skipped, and why', schema: importResultSchema },
  errors: ['payload_too_large', 'unsupported_media_type'],
} satisfies RouteDefinition;
