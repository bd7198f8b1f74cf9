// Attachments of a note: start an upload (presigned POST), download, delete.
import { attachmentDownloadSchema, attachmentParamsSchema, createAttachmentRequestSchema, createAttachmentResponseSchema } from '../attachments';
import { noteIdParamsSchema } from '../notes';
import type { RouteDefinition } from './route';

export const createAttachmentRoute = {
  operationId: 'createAttachment',
  method: 'post',
  path: '/notes/{noteId}/attachments',
  tag: 'Attachments',
  summary: 'Start an upload',
  description:
    'Records a pending attachment and answers a presigned POST: send a multipart form to `uploadUrl` with every `uploadFields` entry, then the file as the last field `file`. S3 refuses a bigger file or another content type; when the upload lands the attachment becomes `ready`. The declared size counts against the account\'s 1 GiB (409 limit_exceeded beyond).',
  auth: 'user',
  params: noteIdParamsSchema,
  body: createAttachmentRequestSchema,
  response: { status: 201, description: 'The pending attachment and where to upload it', schema: createAttachmentResponseSchema },
  errors: ['not_found', 'limit_exceeded', 'payload_too_large', 'too_many_attachments'],
} satisfies RouteDefinition;

export const getAttachmentRoute = {
  operationId: 'getAttachment',
  method: 'get',
  path: '/notes/{noteId}/attachments/{attachmentId}',
  tag: 'Attachments',
  summary: 'A short-lived download URL',
  auth: 'user',
  params: attachmentParamsSchema,
  response: { status: 200, description: 'The attachment and a presigned GET (Content-Disposition: attachment)', schema: attachmentDownloadSchema },
  errors: ['not_found', 'attachment_not_ready'],
} satisfies RouteDefinition;

export const deleteAttachmentRoute = {
  operationId: 'deleteAttachment',
  method: 'delete',
  path: '/notes/{noteId}/attachments/{attachmentId}',
  tag: 'Attachments',
  summary: 'Delete an attachment and its file',
  auth: 'user',
  params: attachmentParamsSchema,
  response: { status: 204, description: 'Deleted' },
  errors: ['not_found'],
} satisfies RouteDefinition;
