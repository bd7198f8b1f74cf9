// zod/mini, not classic zod: the same schemas validate inside every Lambda bundle, where classic
// zod would add ~440 kB minified to each function; mini adds ~15 kB.
import * as z from 'zod/mini';

/** Limits of the REST contract; the schemas below carry them into the OpenAPI document. */
export const noteLimits = {
  titleMax: 200,
  contentMax: 100_000,
  pageDefault: 20,
  pageMax: 100,
} as const;

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
  .strictObject({ title, content })
  .check(z.meta({ id: 'CreateNoteRequest', example: { title: 'Groceries', content: 'Milk, eggs' } }));
export type CreateNoteRequest = z.infer<typeof createNoteRequestSchema>;

export const updateNoteRequestSchema = z
  .strictObject({ title: z.optional(title), content: z.optional(content), version })
  .check(z.meta({ id: 'UpdateNoteRequest', example: { content: 'Milk, eggs, bread', version: 3 } }));
export type UpdateNoteRequest = z.infer<typeof updateNoteRequestSchema>;

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

export const noteListSchema = z
  .object({ items: z.array(noteSchema), nextCursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'NoteList' }));
export type NoteList = z.infer<typeof noteListSchema>;

export const noteIdParamsSchema = z.strictObject({ noteId: idSchema });
