import { createKeyRoute, deleteKeyRoute, listKeysRoute } from '@jotter/shared/contract/keys';
import { openApiRoute } from '@jotter/shared/contract/system';
import { api } from '../../../lib/api';

export const keysApi = {
  list: (signal?: AbortSignal) => api(listKeysRoute, { signal }),
  create: (name: string) => api(createKeyRoute, { body: { name } }),
  revoke: (keyId: string) => api(deleteKeyRoute, { params: { keyId } }),
};

/** The API's own OpenAPI document (public). */
export const openApiDocument = (signal?: AbortSignal) => api(openApiRoute, { signal }) as Promise<OpenApiDocument>;

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
