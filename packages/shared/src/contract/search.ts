// Full-text search over the signed-in user's notes.
import { searchQuerySchema, searchResultsSchema } from '../search';
import type { RouteDefinition } from './route';

export const searchNotesRoute = {
  operationId: 'searchNotes',
  method: 'get',
  path: '/search',
  tag: 'Search',
  summary: 'Search your notes: best match first',
  description:
    'Matches titles, content (Markdown stripped), tags and attachment file names, case- and accent-insensitively; the last word also as a prefix, words of 5+ letters with one typo, "quoted phrases" exactly; `tag:name` in `q` or `tag=` filters. The trash is not searched. Saved notes are searchable within about two seconds.',
  auth: 'user',
  query: searchQuerySchema,
  response: { status: 200, description: 'One page of hits; pass nextCursor as cursor for the next', schema: searchResultsSchema },
  errors: ['invalid_cursor'],
} satisfies RouteDefinition;
