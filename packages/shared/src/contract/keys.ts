// API keys of the developer API: create, list with usage, revoke.
import { createdKeySchema, createKeyRequestSchema, keyIdParamsSchema, keyListSchema } from '../keys';
import type { RouteDefinition } from './route';

export const createKeyRoute = {
  operationId: 'createKey',
  method: 'post',
  path: '/keys',
  tag: 'API keys',
  summary: 'Create an API key',
  description:
    'The key value is in this response only; only its SHA-256 hash is stored. At most 10 live keys per user (409 limit_exceeded) and `keyCreationDailyQuota` (50) created per user and UTC day, revoked ones included (429 quota_exceeded, Retry-After until midnight UTC).',
  auth: 'user',
  body: createKeyRequestSchema,
  response: { status: 201, description: 'The new key, with its value', schema: createdKeySchema },
  errors: ['limit_exceeded', 'quota_exceeded', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const listKeysRoute = {
  operationId: 'listKeys',
  method: 'get',
  path: '/keys',
  tag: 'API keys',
  summary: 'List API keys with their usage',
  description: 'Usage counts the /v1 requests of each key today and this calendar month (UTC).',
  auth: 'user',
  response: { status: 200, description: 'The keys, newest first', schema: keyListSchema },
  errors: [],
} satisfies RouteDefinition;

export const deleteKeyRoute = {
  operationId: 'deleteKey',
  method: 'delete',
  path: '/keys/{keyId}',
  tag: 'API keys',
  summary: 'Revoke an API key',
  auth: 'user',
  params: keyIdParamsSchema,
  response: { status: 204, description: 'Revoked: its next request is refused' },
  errors: ['not_found'],
} satisfies RouteDefinition;
