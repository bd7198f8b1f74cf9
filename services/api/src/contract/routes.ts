// The route contract: every HTTP route of the API in one list — method, path, who may call it,
// the shared zod schemas of its parameters, query, body and success answer, and the error codes
// it can answer with. The OpenAPI document (openapi.ts, served by handlers/openapi.ts) is
// generated from this list, and services/api/test/openapi.int.test.ts checks that the list and
// the functions' http events (functions/*.yml) name exactly the same routes.
//
// Adding a route = one entry here (with its schemas carrying `z.meta({ id, example })`).
import type * as z from 'zod/mini';
import type { ErrorCode } from '@jotter/shared/errors';
import { healthSchema, meSchema } from '@jotter/shared/account';
import {
  attachmentDownloadSchema,
  attachmentParamsSchema,
  createAttachmentRequestSchema,
  createAttachmentResponseSchema,
} from '@jotter/shared/attachments';
import { createKeyRequestSchema, createdKeySchema, keyIdParamsSchema, keyListSchema } from '@jotter/shared/keys';
import {
  createNoteRequestSchema,
  noteIdParamsSchema,
  noteListSchema,
  noteSchema,
  pageQuerySchema,
  updateNoteRequestSchema,
} from '@jotter/shared/notes';

type Schema = z.core.$ZodType;

/** `user`: Bearer access token; `apiKey`: x-api-key header (/v1); `public`: nothing. */
export type RouteAuth = 'user' | 'apiKey' | 'public';

export interface RouteContract {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template, relative to the stage URL: `/notes/{noteId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: RouteAuth;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  success: { status: number; description: string; schema?: Schema; example?: unknown };
  /**
   * Errors particular to this route. Implied ones are added by the generator: validation_failed
   * when it takes input, unauthorized for user/apiKey routes, quota_exceeded and
   * too_many_requests for apiKey routes, internal_error and service_unavailable everywhere.
   */
  errors: ErrorCode[];
}

const exampleNote = {
  noteId: '3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11',
  title: 'Groceries',
  content: 'Milk, eggs',
  version: 1,
  createdAt: '2026-07-14T09:30:00.000Z',
  updatedAt: '2026-07-14T09:30:00.000Z',
  attachments: [],
};
const exampleList = { items: [exampleNote], nextCursor: null };
const exampleAttachment = {
  attachmentId: '8d0c1f5e-2b7a-4e91-b3c4-5a6d7e8f9012',
  fileName: 'receipt.pdf',
  contentType: 'application/pdf',
  size: 48213,
  status: 'pending',
  createdAt: '2026-07-14T09:31:00.000Z',
};

export const routes: RouteContract[] = [
  {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'Account',
    summary: 'Liveness of the API',
    auth: 'public',
    success: { status: 200, description: 'The API is up', schema: healthSchema, example: { status: 'ok' } },
    errors: [],
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    tag: 'Account',
    summary: 'The signed-in user',
    auth: 'user',
    success: { status: 200, description: 'Who the access token belongs to', schema: meSchema, example: { sub: '5b8f2a4e-0c4d-4f3e-9a8b-2d1c0e9f7a6b', email: 'ada@example.com' } },
    errors: [],
  },
  {
    operationId: 'createNote',
    method: 'post',
    path: '/notes',
    tag: 'Notes',
    summary: 'Create a note',
    auth: 'user',
    body: createNoteRequestSchema,
    success: { status: 201, description: 'The new note (version 1)', schema: noteSchema, example: exampleNote },
    errors: ['payload_too_large', 'unsupported_media_type'],
  },
  {
    operationId: 'listNotes',
    method: 'get',
    path: '/notes',
    tag: 'Notes',
    summary: 'List notes, newest updatedAt first',
    auth: 'user',
    query: pageQuerySchema,
    success: { status: 200, description: 'One page of notes; pass nextCursor as cursor for the next', schema: noteListSchema, example: exampleList },
    errors: ['invalid_cursor'],
  },
  {
    operationId: 'getNote',
    method: 'get',
    path: '/notes/{noteId}',
    tag: 'Notes',
    summary: 'Read a note',
    auth: 'user',
    params: noteIdParamsSchema,
    success: { status: 200, description: 'The note', schema: noteSchema, example: exampleNote },
    errors: ['not_found'],
  },
  {
    operationId: 'updateNote',
    method: 'put',
    path: '/notes/{noteId}',
    tag: 'Notes',
    summary: 'Edit a note',
    description: 'Send the version your edit is based on; a stale version is refused with 409 version_conflict.',
    auth: 'user',
    params: noteIdParamsSchema,
    body: updateNoteRequestSchema,
    success: { status: 200, description: 'The note at its new version', schema: noteSchema, example: exampleNote },
    errors: ['not_found', 'version_conflict', 'payload_too_large', 'unsupported_media_type'],
  },
  {
    operationId: 'trashNote',
    method: 'delete',
    path: '/notes/{noteId}',
    tag: 'Notes',
    summary: 'Move a note to the trash',
    auth: 'user',
    params: noteIdParamsSchema,
    success: { status: 204, description: 'Moved to the trash' },
    errors: ['not_found'],
  },
  {
    operationId: 'listTrash',
    method: 'get',
    path: '/trash',
    tag: 'Trash',
    summary: 'List the trash, most recently deleted first',
    auth: 'user',
    query: pageQuerySchema,
    success: { status: 200, description: 'One page of trashed notes', schema: noteListSchema, example: exampleList },
    errors: ['invalid_cursor'],
  },
  {
    operationId: 'restoreNote',
    method: 'post',
    path: '/trash/{noteId}/restore',
    tag: 'Trash',
    summary: 'Restore a note from the trash',
    auth: 'user',
    params: noteIdParamsSchema,
    success: { status: 200, description: 'The restored note', schema: noteSchema, example: exampleNote },
    errors: ['not_found'],
  },
  {
    operationId: 'deleteNoteForever',
    method: 'delete',
    path: '/trash/{noteId}',
    tag: 'Trash',
    summary: 'Delete a trashed note for good',
    auth: 'user',
    params: noteIdParamsSchema,
    success: { status: 204, description: 'Deleted, with its attachments' },
    errors: ['not_found'],
  },
  {
    operationId: 'createAttachment',
    method: 'post',
    path: '/notes/{noteId}/attachments',
    tag: 'Attachments',
    summary: 'Start an upload',
    description:
      'Records a pending attachment and answers a presigned POST: send a multipart form to `uploadUrl` with every `uploadFields` entry, then the file as the last field `file`. S3 refuses a bigger file or another content type; when the upload lands the attachment becomes `ready`.',
    auth: 'user',
    params: noteIdParamsSchema,
    body: createAttachmentRequestSchema,
    success: {
      status: 201,
      description: 'The pending attachment and where to upload it',
      schema: createAttachmentResponseSchema,
      example: {
        attachment: exampleAttachment,
        uploadUrl: 'https://jotter-prod-attachments-123456789012.s3.amazonaws.com/',
        uploadMethod: 'POST',
        uploadFields: { key: '5b8f2a4e-0c4d-4f3e-9a8b-2d1c0e9f7a6b/3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11/8d0c1f5e-2b7a-4e91-b3c4-5a6d7e8f9012', 'Content-Type': 'application/pdf', Policy: '…', 'X-Amz-Signature': '…' },
        expiresAt: '2026-07-14T09:46:00.000Z',
      },
    },
    errors: ['not_found', 'payload_too_large', 'too_many_attachments'],
  },
  {
    operationId: 'getAttachment',
    method: 'get',
    path: '/notes/{noteId}/attachments/{attachmentId}',
    tag: 'Attachments',
    summary: 'A short-lived download URL',
    auth: 'user',
    params: attachmentParamsSchema,
    success: {
      status: 200,
      description: 'The attachment and a presigned GET (Content-Disposition: attachment)',
      schema: attachmentDownloadSchema,
      example: { attachment: { ...exampleAttachment, status: 'ready' }, downloadUrl: 'https://…/receipt.pdf?X-Amz-Signature=…', expiresAt: '2026-07-14T09:36:00.000Z' },
    },
    errors: ['not_found', 'attachment_not_ready'],
  },
  {
    operationId: 'deleteAttachment',
    method: 'delete',
    path: '/notes/{noteId}/attachments/{attachmentId}',
    tag: 'Attachments',
    summary: 'Delete an attachment and its file',
    auth: 'user',
    params: attachmentParamsSchema,
    success: { status: 204, description: 'Deleted' },
    errors: ['not_found'],
  },
  {
    operationId: 'createKey',
    method: 'post',
    path: '/keys',
    tag: 'API keys',
    summary: 'Create an API key',
    description: 'The key value is in this response only; only its SHA-256 hash is stored. At most 10 keys per user.',
    auth: 'user',
    body: createKeyRequestSchema,
    success: { status: 201, description: 'The new key, with its value', schema: createdKeySchema },
    errors: ['limit_exceeded', 'unsupported_media_type'],
  },
  {
    operationId: 'listKeys',
    method: 'get',
    path: '/keys',
    tag: 'API keys',
    summary: 'List API keys with their usage',
    description: 'Usage counts the /v1 requests of each key today and this calendar month (UTC).',
    auth: 'user',
    success: { status: 200, description: 'The keys, newest first', schema: keyListSchema },
    errors: [],
  },
  {
    operationId: 'deleteKey',
    method: 'delete',
    path: '/keys/{keyId}',
    tag: 'API keys',
    summary: 'Revoke an API key',
    auth: 'user',
    params: keyIdParamsSchema,
    success: { status: 204, description: 'Revoked: its next request is refused' },
    errors: ['not_found'],
  },
  {
    operationId: 'v1ListNotes',
    method: 'get',
    path: '/v1/notes',
    tag: 'Developer API (v1)',
    summary: "List the key owner's notes",
    description: 'Read-only. Same paging as GET /notes. Every request counts against the key’s daily quota.',
    auth: 'apiKey',
    query: pageQuerySchema,
    success: { status: 200, description: 'One page of notes', schema: noteListSchema, example: exampleList },
    errors: ['invalid_cursor'],
  },
  {
    operationId: 'v1GetNote',
    method: 'get',
    path: '/v1/notes/{noteId}',
    tag: 'Developer API (v1)',
    summary: "Read one of the key owner's notes",
    auth: 'apiKey',
    params: noteIdParamsSchema,
    success: { status: 200, description: 'The note', schema: noteSchema, example: exampleNote },
    errors: ['not_found'],
  },
  {
    operationId: 'getOpenApi',
    method: 'get',
    path: '/openapi.json',
    tag: 'Account',
    summary: 'This document',
    auth: 'public',
    success: { status: 200, description: 'The OpenAPI 3.1 document of this API' },
    errors: [],
  },
];
