// Full-text search over a user's notes (GET /search, GET /v1/search).
import * as z from 'zod/mini';
import { tagSchema } from './notes';

export const searchLimits = {
  queryMax: 200,
  pageDefault: 20,
  pageMax: 50,
} as const;

/** `?q=&limit=&cursor=&tag=`. Query values arrive as strings. */
export const searchQuerySchema = z.strictObject({
  q: z
    .string({ error: 'must be a string' })
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(searchLimits.queryMax, `must be at most ${searchLimits.queryMax} characters`),
      z.describe('Words to find (the last one also as a prefix), "quoted phrases" and `tag:name` filters'),
    ),
  limit: z.prefault(
    z.pipe(
      z.string().check(z.regex(/^\d{1,9}$/, 'must be a whole number')),
      z.pipe(
        z.transform((value: string) => Number(value)),
        z.int().check(z.minimum(1, 'must be at least 1'), z.maximum(searchLimits.pageMax, `must be at most ${searchLimits.pageMax}`)),
      ),
    ),
    String(searchLimits.pageDefault),
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  tag: z.optional(tagSchema),
}).check(z.meta({ example: { q: 'milk', limit: '20' } }));
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  noteId: z.string(),
  title: z.string(),
  snippet: z.string().check(z.describe('HTML-escaped text of the best passage, hits wrapped in <mark>…</mark>')),
  score: z.number(),
  updatedAt: z.iso.datetime(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultsSchema = z
  .object({ items: z.array(searchHitSchema), nextCursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'SearchResults' }));
export type SearchResults = z.infer<typeof searchResultsSchema>;
