import { openApiRoute } from '@jotter/shared/contract/system';
import { openApiDocument } from '../contract/openapi';
import { route } from '#http/route';

let document: Record<string, unknown> | undefined;

/**
 * GET /openapi.json — generated from the route contract once per cold start. Its server URL is the
 * stage's own (PUBLIC_API_URL from the stage config), never the request's Host or
 * X-Forwarded-Proto: a cached document must not carry whatever host the first caller sent.
 */
export const handler = route(openApiRoute, async () => {
  document ??= openApiDocument({ serverUrl: process.env.PUBLIC_API_URL || undefined });
  return document;
});
