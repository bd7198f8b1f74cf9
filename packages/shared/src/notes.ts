// zod/mini, not classic zod: the same schemas validate inside every Lambda bundle, where classic
// zod would add ~440 kB minified to each function; mini adds ~15 kB.
import * as z from 'zod/mini';
import { noteLimits } from './note-limits';

// The schemas below carry the limits into the OpenAPI document.
export { noteLimits };

/**
 * A tag as stored and as sent: lower-case letters, digits, space, `-` and `_`, no space at either
 * end (the web app lower-cases and trims what is typed; the API says exactly what is wrong).
 */
export const tagSchema = z
  .string({ error: 'must be a string' })
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(noteLimits.tagMax, `must be at most ${noteLimits.tagMax} characters`),
    z.regex(/^[a-z0-9_-](?:[a-z0-9 _-]*[a-z0-9_-])?$/, 'must be lower-case letters, digits, spaces, - or _, without a space at either end'),
  );
const tags = z
  .array(tagSchema, { error: 'must be an array of tags' })
  .check(z.maxLength(noteLimits.tagsMax, `must have at most ${noteLimits.tagsMax} tags`), z.describe('Set semantics: duplicates are stored once'));
const pinned = z.boolean({ error: 'must be true or false' }).check(z.describe('Pinned notes come first in every list order'));

/** The orders of GET /notes; pinned notes come first in each. */
export const noteSorts = ['updated', 'created', 'title'] as const;
export type NoteSort = (typeof noteSorts)[number];

/**
 * The title order: case- and accent-insensitive A–Z (within DynamoDB's byte order), bounded for
 * the 1 KB key limit. The web app sorts the notes it holds the same way.
 */
export const titleSortKey = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .slice(0, 200);

/** Ids are server-generated UUIDs; anything else in a path is a client mistake (400), not a lookup. */
export const idSchema = z.uuid({ error: 'must be a UUID' });

export const attachmentSchema = z
  .object({
    attachmentId: idSchema,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().check(z.int()),
    status: z.enum(['pending', 'ready', 'failed']),
    createdAt: z.iso.datetime(),
  })
  .check(z.meta({ id: 'Attachment' }));
export type Attachment = z.infer<typeof attachmentSchema>;

export const noteSchema = z
  .object({
    noteId: idSchema,
    title: z.string(),
    content: z.string(),
    version: z.int().check(z.minimum(1)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.optional(z.iso.datetime().check(z.describe('Set while the note is in the trash'))),
    attachments: z.array(attachmentSchema),
    tags: z.array(z.string()),
    pinned: z.boolean(),
    // Present while the note has public read-only links (not yet revoked). No description here:
    // every byte of this schema is in most function bundles (docs/sharing.md says it).
    shared: z.optional(z.literal(true)),
  })
  .check(z.meta({ id: 'Note' }));
export type Note = z.infer<typeof noteSchema>;

const title = z.string({ error: 'must be a string' }).check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(noteLimits.titleMax, `must be at most ${noteLimits.titleMax} characters`),
);
const content = z
  .string({ error: 'must be a string' })
  .check(z.maxLength(noteLimits.contentMax, `must be at most ${noteLimits.contentMax} characters`));
const version = z
  .int({ error: 'must be a whole number' })
  .check(z.minimum(1, 'must be at least 1'), z.describe('The version the edit is based on'));

export const createNoteRequestSchema = z
  .strictObject({ title, content, tags: z.optional(tags), pinned: z.optional(pinned) })
  .check(z.meta({ id: 'CreateNoteRequest', example: { title: 'Groceries', content: 'Milk, eggs' } }));
export type CreateNoteRequest = z.infer<typeof createNoteRequestSchema>;

export const updateNoteRequestSchema = z
  .strictObject({ title: z.optional(title), content: z.optional(content), version })
  .check(z.meta({ id: 'UpdateNoteRequest', example: { content: 'Milk, eggs, bread', version: 3 } }));
export type UpdateNoteRequest = z.infer<typeof updateNoteRequestSchema>;

/** PUT /notes/{noteId}: with `version` an edit, without it an idempotent create. */
export const putNoteRequestSchema = z.union([updateNoteRequestSchema, createNoteRequestSchema]).check(z.meta({ id: 'PutNoteRequest', example: { content: 'Milk, eggs, bread', version: 3 } }));
export type PutNoteRequest = z.infer<typeof putNoteRequestSchema>;

/**
 * Organizing a note (tags, pin) is not editing it: no `version`, it never bumps the version, and it
 * never conflicts with a text edit made elsewhere at the same time.
 */
export const organizeNoteRequestSchema = z
  .strictObject({ tags: z.optional(tags), pinned: z.optional(pinned) })
  .check(
    z.refine((body) => body.tags !== undefined || body.pinned !== undefined, { message: 'must set tags or pinned', path: [] }),
    z.meta({ id: 'OrganizeNoteRequest', example: { tags: ['work', 'ideas'], pinned: true } }),
  );
export type OrganizeNoteRequest = z.infer<typeof organizeNoteRequestSchema>;

export const tagListSchema = z
  .object({ items: z.array(z.object({ tag: z.string(), count: z.int() })) })
  .check(z.meta({ id: 'TagList', example: { items: [{ tag: 'ideas', count: 3 }, { tag: 'work', count: 12 }] } }));
export type TagList = z.infer<typeof tagListSchema>;

/** `?limit=&cursor=` of every paginated list. Query values arrive as strings. */
export const pageQuerySchema = z.strictObject({
  limit: z.prefault(
    z.pipe(
      z.string().check(z.regex(/^\d{1,9}$/, 'must be a whole number')),
      z.pipe(
        z.transform((value: string) => Number(value)),
        z
          .int()
          .check(
            z.minimum(1, 'must be at least 1'),
            z.maximum(noteLimits.pageMax, `must be at most ${noteLimits.pageMax}`),
          ),
      ),
    ),
    String(noteLimits.pageDefault),
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** GET /notes: a page, optionally of one tag's notes or only the pinned ones, in one of three orders. */
export const listNotesQuerySchema = z.extend(pageQuerySchema, {
  tag: z.optional(tagSchema),
  pinned: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  sort: z.optional(z.enum(noteSorts, { error: `must be one of ${noteSorts.join(', ')}` })),
});
export type ListNotesQuery = z.output<typeof listNotesQuerySchema>;

export const noteListSchema = z
  .object({ items: z.array(noteSchema), nextCursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'NoteList' }));
export type NoteList = z.infer<typeof noteListSchema>;

export const noteIdParamsSchema = z.strictObject({ noteId: idSchema });
