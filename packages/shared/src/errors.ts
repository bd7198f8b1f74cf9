import * as z from 'zod/mini';

/** Every error code the API answers with, and its HTTP status. The pair is part of the contract. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  too_many_attachments: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  attachment_not_ready: 409,
  limit_exceeded: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  quota_exceeded: 429,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorDetailSchema = z.object({
  path: z.string().check(z.describe('Dotted path of the offending field, e.g. `body.title`')),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const quotaUsageSchema = z.object({
  name: z.string().check(z.describe('notes, attachmentBytes, keyCreations, v1Requests or apiKeyRequests')),
  limit: z.number(),
  used: z.number(),
});
export type QuotaUsage = z.infer<typeof quotaUsageSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().check(z.meta({ description: 'Stable snake_case code', example: 'validation_failed' })),
      message: z.string(),
      details: z.optional(z.array(errorDetailSchema)),
      quota: z.optional(quotaUsageSchema),
      requestId: z.optional(
        z.string().check(z.meta({ description: 'The request id (also the x-request-id header): quote it when reporting a problem' })),
      ),
    }),
  })
  .check(z.meta({ id: 'Error' }));
export type ErrorBody = z.infer<typeof errorBodySchema>;
