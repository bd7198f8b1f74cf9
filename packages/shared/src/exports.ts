// Data portability: exports (a ZIP of Markdown files with their attachments) and imports.
import * as z from 'zod/mini';
import { idSchema } from './notes';

export const exportStatuses = ['running', 'ready', 'failed'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

export const exportIdParamsSchema = z.strictObject({ exportId: idSchema });

export const exportSchema = z
  .object({
    exportId: z.string(),
    status: z.enum(exportStatuses),
    /** Ready exports: a presigned GET of the ZIP, valid until `expiresAt`. */
    downloadUrl: z.optional(z.string()),
    expiresAt: z.optional(z.string()),
  })
  .check(z.meta({ id: 'Export' }));
export type Export = z.infer<typeof exportSchema>;

/**
 * How big a POST /imports body may be. Lambda takes at most 6 MB of request (the body arrives
 * base64-encoded, 4/3 of its size, with the headers): 4 MiB is what fits.
 */
export const maxImportBytes = 4 * 1024 * 1024;

export const importResultSchema = z
  .object({ imported: z.int(), skipped: z.array(z.object({ name: z.string(), reason: z.string() })) })
  .check(z.meta({ id: 'ImportResult' }));
export type ImportResult = z.infer<typeof importResultSchema>;
