// A note's history: earlier texts kept as revisions, listed, read and restored. Its own module
// (zod/mini, like every schema inside a Lambda bundle) so the functions that import the note's
// schemas do not carry these.
import * as z from 'zod/mini';
import { idSchema, pageQuerySchema } from './notes';
import { revisionLimits } from './revision-limits';

export { revisionLimits };

/** Characters of the content in a list entry. */
export const revisionPreviewLength = 200;

/** A revision is named by the version of the note whose text it keeps. */
const revisionNumber = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'must be a revision number')),
  z.transform((value: string) => Number(value)),
);

export const revisionParamsSchema = z.strictObject({ noteId: idSchema, revision: revisionNumber });

export const listRevisionsQuerySchema = pageQuerySchema;

export const revisionSummarySchema = z.object({
  revision: z.int().check(z.describe('The version of the note whose text this is')),
  title: z.string(),
  contentPreview: z.string().check(z.describe(`The first ${revisionPreviewLength} characters of the content`)),
  createdAt: z.iso.datetime().check(z.describe('When this text was saved')),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const revisionListSchema = z
  .object({ items: z.array(revisionSummarySchema), nextCursor: z.nullable(z.string()) })
  .check(z.meta({ id: 'RevisionList' }));
export type RevisionList = z.infer<typeof revisionListSchema>;

export const revisionSchema = z
  .object({ revision: z.int(), title: z.string(), content: z.string(), createdAt: z.iso.datetime() })
  .check(z.meta({ id: 'Revision' }));
export type Revision = z.infer<typeof revisionSchema>;

export const restoreRevisionRequestSchema = z
  .strictObject({ version: z.int({ error: 'must be a whole number' }).check(z.minimum(1, 'must be at least 1'), z.describe('The note\'s current version: a stale one is refused with 409')) })
  .check(z.meta({ id: 'RestoreRevisionRequest', example: { version: 7 } }));
export type RestoreRevisionRequest = z.infer<typeof restoreRevisionRequestSchema>;
