// The developer API: read-only, authenticated by an API key (x-api-key), metered per key and day.
import { noteIdParamsSchema, noteListSchema, noteSchema, pageQuerySchema } from '../notes';
import { searchQuerySchema, searchResultsSchema } from '../search';
import type { RouteDefinition } from './route';

export const v1ListNotesRoute = {
  operationId: 'v1ListNotes',
  method: 'get',
  path: '/v1/notes',
  tag: 'Developer API (v1)',
  summary: "List the key owner's notes",
  description: 'Read-only. Same paging as GET /notes. Every request counts against the key’s daily quota.',
  auth: 'apiKey',
  query: pageQuerySchema,
  response: { status: 200, description: 'One page of notes', schema: noteListSchema },
  errors: ['invalid_cursor'],
} satisfies RouteDefinition;

export const v1GetNoteRoute = {
  operationId: 'v1GetNote',
  method: 'get',
  path: '/v1/notes/{noteId}',
  tag: 'Developer API (v1)',
  summary: "Read one of the key owner's notes",
  auth: 'apiKey',
  params: noteIdParamsSchema,
  response: { status: 200, description: 'The note', schema: noteSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const v1SearchRoute = {
  operationId: 'v1Search',
  method: 'get',
  path: '/v1/search',
  tag: 'Developer API (v1)',
  summary: "Search the key owner's notes",
  description: 'Same query and answer as GET /search. Every request counts against the key’s daily quota.',
  auth: 'apiKey',
  query: searchQuerySchema,
  response: { status: 200, description: 'One page of hits, best match first', schema: searchResultsSchema },
  errors: ['invalid_cursor'],
} satisfies RouteDefinition;
