import type { APIGatewayProxyEvent } from 'aws-lambda';
import { openApiRoute } from '@jotter/shared/contract/system';
import { openApiDocument } from '../contract/openapi';
import { route } from '#http/route';

const documents = new Map<string, Record<string, unknown>>();

/** The stage URL the caller used: `https://<host>/<stage>` (locally `http://localhost:3000/dev`). */
function serverUrl(event: APIGatewayProxyEvent): string | undefined {
  const header = (name: string) => Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  const host = header('host');
  if (!host) return undefined;
  const proto = header('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}/${event.requestContext.stage}`;
}

/** Generated from the route contract once per cold start (and server URL). */
export const handler = route(openApiRoute, async ({ event }) => {
  const url = serverUrl(event);
  const key = url ?? '';
  let document = documents.get(key);
  if (!document) {
    document = openApiDocument({ serverUrl: url });
    documents.set(key, document);
  }
  return document;
});
