import type { CreatedKey, KeyList } from '@jotter/shared/keys';
import { api } from '../../../lib/api';

export const keysApi = {
  list: (signal?: AbortSignal) => api<KeyList>('/keys', { signal }),
  create: (name: string) => api<CreatedKey>('/keys', { method: 'POST', body: { name } }),
  revoke: (keyId: string) => api<void>(`/keys/${encodeURIComponent(keyId)}`, { method: 'DELETE' }),
};

/** The API's own OpenAPI document (public). */
export const openApiDocument = (signal?: AbortSignal) => api<OpenApiDocument>('/openapi.json', { anonymous: true, signal });

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: { default?: unknown } }[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}
