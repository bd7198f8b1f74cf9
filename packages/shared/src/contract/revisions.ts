// A note's history: its earlier texts (revisions), listed, read and restored.
import { noteIdParamsSchema, noteSchema } from '../notes';
import { listRevisionsQuerySchema, restoreRevisionRequestSchema, revisionLimits, revisionListSchema, revisionParamsSchema, revisionSchema } from '../revisions';
import type { RouteDefinition } from './route';

export const listRevisionsRoute = {
  operationId: 'listRevisions',
  method: 'get',
  path: '/notes/{noteId}/revisions',
  tag: 'Revisions',
  summary: "List a note's earlier texts, newest first",
  description: `A save keeps the text it replaces as a revision, at most one per ${revisionLimits.coalesceMinutes} minutes of editing, and always before an overwrite after a conflict (\`PUT ?overwrite=true\`) and before a restore. The last ${revisionLimits.maxPerNote} revisions of the last ${revisionLimits.retentionDays} days are kept.`,
  auth: 'user',
  params: noteIdParamsSchema,
  query: listRevisionsQuerySchema,
  response: { status: 200, description: 'One page of revisions; pass nextCursor as cursor for the next', schema: revisionListSchema },
  errors: ['not_found', 'invalid_cursor'],
} satisfies RouteDefinition;

export const getRevisionRoute = {
  operationId: 'getRevision',
  method: 'get',
  path: '/notes/{noteId}/revisions/{revision}',
  tag: 'Revisions',
  summary: 'Read one revision',
  auth: 'user',
  params: revisionParamsSchema,
  response: { status: 200, description: 'The revision with its full text', schema: revisionSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const restoreRevisionRoute = {
  operationId: 'restoreRevision',
  method: 'post',
  path: '/notes/{noteId}/revisions/{revision}/restore',
  tag: 'Revisions',
  summary: "Make a revision's text the note's text again",
  description: 'A new version, never a rewrite of history: the text it replaces is kept as a revision first. `version` is the note\'s current version; a stale one is 409 version_conflict.',
  auth: 'user',
  params: revisionParamsSchema,
  body: restoreRevisionRequestSchema,
  response: { status: 200, description: 'The note at its new version', schema: noteSchema },
  errors: ['not_found', 'version_conflict', 'unsupported_media_type'],
} satisfies RouteDefinition;
