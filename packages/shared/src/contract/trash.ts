// The trash: list it, restore a note, delete one for good (the daily purge is not an HTTP route).
import { noteIdParamsSchema, noteListSchema, noteSchema, pageQuerySchema } from '../notes';
import type { RouteDefinition } from './route';

export const listTrashRoute = {
  operationId: 'listTrash',
  method: 'get',
  path: '/trash',
  tag: 'Trash',
  summary: 'List the trash, most recently deleted first',
  auth: 'user',
  query: pageQuerySchema,
  response: { status: 200, description: 'One page of trashed notes', schema: noteListSchema },
  errors: ['invalid_cursor'],
} satisfies RouteDefinition;

export const restoreNoteRoute = {
  operationId: 'restoreNote',
  method: 'post',
  path: '/trash/{noteId}/restore',
  tag: 'Trash',
  summary: 'Restore a note from the trash',
  auth: 'user',
  params: noteIdParamsSchema,
  response: { status: 200, description: 'The restored note', schema: noteSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const deleteNoteForeverRoute = {
  operationId: 'deleteNoteForever',
  method: 'delete',
  path: '/trash/{noteId}',
  tag: 'Trash',
  summary: 'Delete a trashed note for good',
  auth: 'user',
  params: noteIdParamsSchema,
  response: { status: 204, description: 'Deleted, with its attachments' },
  errors: ['not_found'],
} satisfies RouteDefinition;
