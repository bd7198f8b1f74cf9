import type { APIGatewayProxyEvent } from 'aws-lambda';
import { config } from '#config';

/**
 * The web app's origin, for links into it: the configured one (the local stack sets it), else the
 * browser's `Origin` of this request (on AWS the site and the API share CloudFront's origin, which
 * no parameter can know before the distribution exists). Only the caller sees what it names.
 */
export function siteOrigin(event: APIGatewayProxyEvent): string | undefined {
  const configured = config().webOrigin;
  if (configured) return configured;
  const origin = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
  return origin && /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin) ? origin : undefined;
}
