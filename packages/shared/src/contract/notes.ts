// The notes routes: create, list, read, edit, move to the trash.
import { createNoteRequestSchema, listNotesQuerySchema, noteIdParamsSchema, noteListSchema, noteSchema, organizeNoteRequestSchema, putNoteRequestSchema, tagListSchema } from '../notes';
import { updateNoteQuerySchema } from '../overwrite';
import type { RouteDefinition } from './route';

export const createNoteRoute = {
  operationId: 'createNote',
  method: 'post',
  path: '/notes',
  tag: 'Notes',
  summary: 'Create a note',
  auth: 'user',
  body: createNoteRequestSchema,
  description: 'An account holds at most `noteQuota` notes (10,000), the trash included: beyond, 409 limit_exceeded with the quota\'s `limit` and `used`.',
  response: { status: 201, description: 'The new note (version 1)', schema: noteSchema },
  errors: ['limit_exceeded', 'payload_too_large', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const listNotesRoute = {
  operationId: 'listNotes',
  method: 'get',
  path: '/notes',
  tag: 'Notes',
  summary: 'List notes: pinned first, then newest updatedAt (or createdAt, or title A–Z)',
  description: '`tag` lists one tag\'s notes, `pinned=true` only the pinned ones; a cursor is valid for the order and filter it came from.',
  auth: 'user',
  query: listNotesQuerySchema,
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
  summary: 'Edit a note, or create it with your own id',
  description:
    'With `version`: an edit; a stale version is refused with 409 version_conflict. Without `version`: creates the note under the UUID in the path (201); the same request again answers 200 with the same note (idempotent create), another body for an existing id is 409 version_conflict.',
  auth: 'user',
  params: noteIdParamsSchema,
  query: updateNoteQuerySchema,
  body: putNoteRequestSchema,
  response: { status: 200, description: 'The note at its new version (or unchanged, for a repeated create)', schema: noteSchema, created: 'The new note (version 1), created under your id' },
  errors: ['not_found', 'version_conflict', 'limit_exceeded', 'payload_too_large', 'unsupported_media_type'],
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

export const organizeNoteRoute = {
  operationId: 'organizeNote',
  method: 'patch',
  path: '/notes/{noteId}',
  tag: 'Notes',
  summary: 'Tag or pin a note',
  description: 'No version needed: organizing never changes the note\'s version or updatedAt, so it never conflicts with an edit made elsewhere. Last writer wins per field.',
  auth: 'user',
  params: noteIdParamsSchema,
  body: organizeNoteRequestSchema,
  response: { status: 200, description: 'The note with its tags and pin', schema: noteSchema },
  errors: ['not_found', 'payload_too_large', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const listTagsRoute = {
  operationId: 'listTags',
  method: 'get',
  path: '/tags',
  tag: 'Notes',
  summary: 'Your tags with their number of notes (not counting the trash), A–Z',
  auth: 'user',
  response: { status: 200, description: 'Every tag in use', schema: tagListSchema },
  errors: [],
} satisfies RouteDefinition;
