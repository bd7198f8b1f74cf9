// The query of PUT /notes/{noteId}, in its own module: the revision schemas stay out of the
// updateNote function.
import * as z from 'zod/mini';

/**
 * PUT /notes/{noteId}?overwrite=true: the edit replaces a version the client did not start from
 * (the "keep mine" answer to a 409), so the text it replaces is kept as a revision whatever the
 * autosave window says.
 */
export const updateNoteQuerySchema = z.strictObject({
  overwrite: z.optional(z.enum(['true', 'false']).check(z.describe('true after a 409: keep the replaced text as a revision'))),
});
