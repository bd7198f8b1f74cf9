// The notes routes: create, list, read, edit, move to the trash.
import { createNoteRequestSchema, noteIdParamsSchema, noteListSchema, noteSchema, pageQuerySchema, updateNoteRequestSchema } from '../notes';
import type { RouteDefinition } from './route';

export const createNoteRoute = {
  operationId: 'createNote',
  method: 'post',
  path: '/notes',
  tag: 'Notes',
  summary: 'Create a note',
  auth: 'user',
  body: createNoteRequestSchema,
  response: { status: 201, description: 'The new note (version 1)', schema: noteSchema },
  errors: ['payload_too_large', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const listNotesRoute = {
  operationId: 'listNotes',
  method: 'get',
  path: '/notes',
  tag: 'Notes',
  summary: 'List notes, newest updatedAt first',
  auth: 'user',
  query: pageQuerySchema,
  response: { status: 200, description: 'One page of notes; pass nextCursor as cursor for the next', schema: noteListSchema },
  errors: ['invalid_cursor'],
} satisfies RouteDefinition;

export const getNoteRoute = {
  operationId: 'getNote',
  method: 'get',
  path: '/notes/{noteId}',
  tag: 'Notes',
  summary: 'Read a note',
  auth: 'user',
  params: noteIdParamsSchema,
  response: { status: 200, description: 'The note', schema: noteSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const updateNoteRoute = {
  operationId: 'updateNote',
  method: 'put',
  path: '/notes/{noteId}',
  tag: 'Notes',
  summary: 'Edit a note',
  description: 'Send the version your edit is based on; a stale version is refused with 409 version_conflict.',
  auth: 'user',
  params: noteIdParamsSchema,
  body: updateNoteRequestSchema,
  response: { status: 200, description: 'The note at its new version', schema: noteSchema },
  errors: ['not_found', 'version_conflict', 'payload_too_large', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const trashNoteRoute = {
  operationId: 'trashNote',
  method: 'delete',
  path: '/notes/{noteId}',
  tag: 'Notes',
  summary: 'Move a note to the trash',
  auth: 'user',
  params: noteIdParamsSchema,
  response: { status: 204, description: 'Moved to the trash' },
  errors: ['not_found'],
} satisfies RouteDefinition;
