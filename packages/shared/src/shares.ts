// Public read-only share links of a note: request and response shapes. zod/mini, like every schema
// that runs inside a Lambda bundle (see notes.ts).
import * as z from 'zod/mini';
import { idSchema } from './notes';
import { shareLimits } from './share-limits';

export { shareLimits };

/** 32 random bytes in base64url (43 characters): 256 bits, only their SHA-256 is stored. */
export const shareTokenPattern = /^[A-Za-z0-9_-]{43}$/;

const exampleShareId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const exampleUrl = `https://notes.example.com/s/${'x'.repeat(43)}`;

export const createShareRequestSchema = z
  .strictObject({
    expiresInDays: z.optional(
      z
        .int({ error: 'must be a whole number of days' })
        .check(
          z.minimum(shareLimits.expiresInDaysMin, `must be at least ${shareLimits.expiresInDaysMin}`),
          z.maximum(shareLimits.expiresInDaysMax, `must be at most ${shareLimits.expiresInDaysMax}`),
          z.describe('Days until the link stops working; without it the link works until revoked'),
        ),
    ),
  })
  .check(z.meta({ id: 'CreateShareRequest', example: { expiresInDays: 30 } }));
export type CreateShareRequest = z.infer<typeof createShareRequestSchema>;

export const createdShareSchema = z
  .object({
    shareId: idSchema,
    url: z.string().check(z.describe('The public page. Shown only in this response: only a hash of its token is stored.')),
    expiresAt: z.nullable(z.iso.datetime()),
  })
  .check(z.meta({ id: 'CreatedShare', example: { shareId: exampleShareId, url: exampleUrl, expiresAt: null } }));
export type CreatedShare = z.infer<typeof createdShareSchema>;

export const shareSchema = z
  .object({
    shareId: idSchema,
    url: z.nullable(z.string()).check(z.describe('Always null: the link is shown once, when it is created (only a hash of its token is stored)')),
    createdAt: z.iso.datetime(),
    expiresAt: z.nullable(z.iso.datetime()),
    views: z.int().check(z.minimum(0), z.describe('Times the public page was read')),
  })
  .check(z.meta({ id: 'Share' }));
export type Share = z.infer<typeof shareSchema>;

export const shareListSchema = z.object({ items: z.array(shareSchema) }).check(z.meta({ id: 'ShareList' }));
export type ShareList = z.infer<typeof shareListSchema>;

export const shareParamsSchema = z.strictObject({ noteId: idSchema, shareId: idSchema });

/**
 * Any string: a malformed token is answered like an unknown one (404), so the answer never says
 * which tokens could exist.
 */
export const shareTokenParamsSchema = z.strictObject({ token: z.string() });

export const publicAttachmentSchema = z.object({
  fileName: z.string(),
  size: z.int(),
  downloadUrl: z.string().check(z.describe('A presigned GET, valid for a few minutes')),
});

/** What a reader sees: nothing that names the note, its owner or anything else of theirs. */
export const publicShareSchema = z
  .object({
    title: z.string(),
    html: z.string().check(z.describe('The note rendered from Markdown and sanitized')),
    updatedAt: z.iso.datetime(),
    attachments: z.array(publicAttachmentSchema),
  })
  .check(z.meta({ id: 'PublicShare' }));
export type PublicShare = z.infer<typeof publicShareSchema>;
