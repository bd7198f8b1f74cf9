// API Gateway REQUEST authorizer of the /v1 routes (identity source: the x-api-key header). Maps
// the key's hash to its owner with one Query. Its results are not cached (functions/v1.yml,
// resultTtlInSeconds: 0), so a revoked key is refused on its very next request. On AWS,
// `usageIdentifierKey` tells API Gateway which key of the usage plan to meter
// (apiKeySourceType: AUTHORIZER, resources/usage-plan.yml).
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';
import { findKeyOwner } from '#domain/key-usage';
import { describeError, log, startInvocation } from '#log';

export function apiKeyHeader(headers: APIGatewayRequestAuthorizerEvent['headers']): string | undefined {
  return Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'x-api-key')?.[1] ?? undefined;
}

export async function handler(event: APIGatewayRequestAuthorizerEvent, context?: Context): Promise<APIGatewayAuthorizerResult> {
  // API Gateway's request id: a refused key's 401 carries it (x-request-id), so its log line is found by it.
  startInvocation(context, event.requestContext?.requestId);
  const value = apiKeyHeader(event.headers)?.trim();
  let owner: Awaited<ReturnType<typeof findKeyOwner>>;
  try {
    owner = value ? await findKeyOwner(value) : undefined;
  } catch (error) {
    log.error('API key lookup failed', describeError(error));
    throw error;
  }
  if (!value || !owner) {
    log.warn('API key refused', { reason: value ? 'unknown key' : 'no key' });
    // This exact message is what makes API Gateway answer 401 (the UNAUTHORIZED gateway response).
    throw new Error('Unauthorized');
  }
  return {
    principalId: owner.sub,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { sub: owner.sub, keyId: owner.keyId },
    usageIdentifierKey: value,
  };
}
