import { z } from 'zod';

/** Limits of the REST contract (shared/DESIGN.md section 4). */
export const noteLimits = {
  titleMax: 200,
  contentMax: 100_000,
  pageDefault: 20,
  pageMax: 100,
} as const;

/** Ids are server-generated UUIDs; anything else in a path is a client mistake (400), not a lookup. */
export const idSchema = z.uuid({ version: 'v4', error: 'must be a UUID' });

export const attachmentSchema = z
  .object({
    attachmentId: idSchema,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    status: z.enum(['pending', 'ready', 'failed']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

export const noteSchema = z
  .object({
    noteId: idSchema,
    title: z.string(),
    content: z.string(),
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso.datetime().optional().meta({ description: 'Set while the note is in the trash' }),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof noteSchema>;

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(noteLimits.titleMax, `must be at most ${noteLimits.titleMax} characters`);
const content = z.string().max(noteLimits.contentMax, `must be at most ${noteLimits.contentMax} characters`);

export const createNoteRequestSchema = z
  .strictObject({ title, content })
  .meta({ id: 'CreateNoteRequest', example: { title: 'Groceries', content: 'Milk, eggs' } });
export type CreateNoteRequest = z.infer<typeof createNoteRequestSchema>;

export const updateNoteRequestSchema = z
  .strictObject({
    title: title.optional(),
    content: content.optional(),
    version: z.number().int().min(1).meta({ description: 'The version the edit is based on' }),
  })
  .meta({ id: 'UpdateNoteRequest', example: { content: 'Milk, eggs, bread', version: 3 } });
export type UpdateNoteRequest = z.infer<typeof updateNoteRequestSchema>;

export const listQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(noteLimits.pageMax, `must be at most ${noteLimits.pageMax}`)
    .default(noteLimits.pageDefault),
  cursor: z.string().min(1).max(2048).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const noteListSchema = z
  .object({ items: z.array(noteSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'NoteList' });
export type NoteList = z.infer<typeof noteListSchema>;

export const noteIdParamsSchema = z.strictObject({ noteId: idSchema });
