// API keys of the developer API (/keys, /v1): request and response shapes. zod/mini, like every
// schema that runs inside a Lambda bundle (see notes.ts).
import * as z from 'zod/mini';
import { keyLimits } from './key-limits';
import { idSchema } from './notes';

export { keyLimits };

/** `jot_` + 32 random bytes in base64url (43 characters). */
export const apiKeyValuePattern = /^jot_[A-Za-z0-9_-]{43}$/;

const name = z.string({ error: 'must be a string' }).check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(keyLimits.nameMax, `must be at most ${keyLimits.nameMax} characters`),
  z.describe('What the key is for, shown in the key list'),
);

export const createKeyRequestSchema = z
  .strictObject({ name })
  .check(z.meta({ id: 'CreateKeyRequest', example: { name: 'Reading list sync' } }));
export type CreateKeyRequest = z.infer<typeof createKeyRequestSchema>;

const exampleTime = '2026-07-14T09:30:00.000Z';
const exampleKeyId = '0f8fad5b-d9cb-469f-a165-70867728950e';

export const createdKeySchema = z
  .object({
    keyId: idSchema,
    name: z.string(),
    createdAt: z.iso.datetime(),
    value: z
      .string()
      .check(z.describe('The secret to send as `x-api-key`. Shown only in this response: store it now.')),
  })
  .check(
    z.meta({
      id: 'CreatedKey',
      example: { keyId: exampleKeyId, name: 'Reading list sync', createdAt: exampleTime, value: `jot_${'x'.repeat(43)}` },
    }),
  );
export type CreatedKey = z.infer<typeof createdKeySchema>;

export const keyUsageSchema = z
  .object({
    today: z.int().check(z.minimum(0), z.describe('Requests counted today (UTC)')),
    month: z.int().check(z.minimum(0), z.describe('Requests counted this calendar month (UTC)')),
  })
  .check(z.meta({ id: 'KeyUsage' }));
export type KeyUsage = z.infer<typeof keyUsageSchema>;

export const apiKeySchema = z
  .object({
    keyId: idSchema,
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.nullable(z.iso.datetime()),
    usage: keyUsageSchema,
  })
  .check(z.meta({ id: 'ApiKey' }));
export type ApiKey = z.infer<typeof apiKeySchema>;

export const keyListSchema = z
  .object({ items: z.array(apiKeySchema) })
  .check(
    z.meta({
      id: 'KeyList',
      example: {
        items: [
          { keyId: exampleKeyId, name: 'Reading list sync', createdAt: exampleTime, lastUsedAt: exampleTime, usage: { today: 12, month: 340 } },
        ],
      },
    }),
  );
export type KeyList = z.infer<typeof keyListSchema>;

export const keyIdParamsSchema = z.strictObject({ keyId: idSchema });
