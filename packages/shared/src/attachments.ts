import * as z from 'zod/mini';
import { attachmentLimits, contentTypePattern } from './attachment-limits';
import { attachmentSchema, idSchema } from './notes';

export { attachmentLimits };

export const createAttachmentRequestSchema = z
  .strictObject({
    fileName: z.string({ error: 'must be a string' }).check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(attachmentLimits.fileNameMax, `must be at most ${attachmentLimits.fileNameMax} characters`),
      // Control characters would break Content-Disposition headers.
      z.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
    ),
    contentType: z
      .string({ error: 'must be a string' })
      .check(z.maxLength(127), z.regex(contentTypePattern, 'must be a MIME type like image/png')),
    size: z
      .int({ error: 'must be a whole number of bytes' })
      .check(z.minimum(1, 'must be at least 1 byte')),
  })
  .check(z.meta({ id: 'CreateAttachmentRequest', example: { fileName: 'receipt.pdf', contentType: 'application/pdf', size: 48213 } }));
export type CreateAttachmentRequest = z.infer<typeof createAttachmentRequestSchema>;

/** A presigned POST: send the file as the last field of a multipart form with `uploadFields`. */
export const createAttachmentResponseSchema = z
  .object({
    attachment: attachmentSchema,
    uploadUrl: z.string(),
    uploadMethod: z.literal('POST'),
    uploadFields: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  })
  .check(z.meta({ id: 'AttachmentUpload' }));
export type CreateAttachmentResponse = z.infer<typeof createAttachmentResponseSchema>;

export const attachmentDownloadSchema = z
  .object({ attachment: attachmentSchema, downloadUrl: z.string(), expiresAt: z.iso.datetime() })
  .check(z.meta({ id: 'AttachmentDownload' }));
export type AttachmentDownload = z.infer<typeof attachmentDownloadSchema>;

export const attachmentParamsSchema = z.strictObject({ noteId: idSchema, attachmentId: idSchema });
