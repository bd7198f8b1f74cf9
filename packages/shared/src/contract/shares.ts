// Public read-only links of a note: the owner creates, lists and revokes them; anyone with a
// link reads the note through the public route.
import { noteIdParamsSchema } from '../notes';
import { createdShareSchema, createShareRequestSchema, publicShareSchema, shareListSchema, shareParamsSchema, shareTokenParamsSchema } from '../shares';
import type { RouteDefinition } from './route';

export const createShareRoute = {
  operationId: 'createShare',
  method: 'post',
  path: '/notes/{noteId}/shares',
  tag: 'Shares',
  summary: 'Create a public read-only link',
  description:
    'The link (`url`) is in this response only; only a hash of its token is stored. At most 20 links per note (revoke one to make room). Send `{}` for a link without expiry.',
  auth: 'user',
  params: noteIdParamsSchema,
  body: createShareRequestSchema,
  response: { status: 201, description: 'The new link', schema: createdShareSchema },
  errors: ['not_found', 'limit_exceeded', 'unsupported_media_type'],
} satisfies RouteDefinition;

export const listSharesRoute = {
  operationId: 'listShares',
  method: 'get',
  path: '/notes/{noteId}/shares',
  tag: 'Shares',
  summary: "List a note's links with their views",
  auth: 'user',
  params: noteIdParamsSchema,
  response: { status: 200, description: 'The links, newest first', schema: shareListSchema },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const deleteShareRoute = {
  operationId: 'deleteShare',
  method: 'delete',
  path: '/notes/{noteId}/shares/{shareId}',
  tag: 'Shares',
  summary: 'Revoke a link',
  auth: 'user',
  params: shareParamsSchema,
  response: { status: 204, description: 'Revoked: the link answers 404 from the next request on' },
  errors: ['not_found'],
} satisfies RouteDefinition;

export const getPublicShareRoute = {
  operationId: 'getPublicShare',
  method: 'get',
  path: '/public/shares/{token}',
  tag: 'Shares',
  summary: 'Read a shared note (no sign-in)',
  description:
    'Answers 404 `not_found`, always with the same body, when the link is unknown, malformed, revoked, expired or its note is in the trash. Throttled on its own, so a link posted publicly cannot exhaust the API.',
  auth: 'public',
  params: shareTokenParamsSchema,
  response: { status: 200, description: 'The note, rendered', schema: publicShareSchema },
  errors: ['not_found', 'too_many_requests'],
  // Readers' browsers, proxies and search engines must not keep, index or leak the link.
  headers: { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' },
} satisfies RouteDefinition;
