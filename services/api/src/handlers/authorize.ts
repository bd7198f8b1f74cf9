// API Gateway TOKEN authorizer for every user route. Its decision is cached per token
// (authorizer.yml resultTtlInSeconds), so the policy allows the whole API, not one method.
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { config } from '#config';
import { bearerToken, createAccessTokenVerifier, InvalidTokenError } from '#auth/verify-access-token';
import { describeError, log } from '#log';

let verify: ReturnType<typeof createAccessTokenVerifier> | undefined;

/** `arn:aws:execute-api:region:account:api/stage/METHOD/path` → `.../api/stage/*` */
export function wholeApiArn(methodArn: string): string {
  const [prefix, stage] = methodArn.split('/');
  return `${prefix}/${stage}/*`;
}

export async function handler(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const { cognitoIssuer, cognitoClientId } = config();
  verify ??= createAccessTokenVerifier({ issuer: cognitoIssuer, clientId: cognitoClientId });
  try {
    const claims = await verify(bearerToken(event.authorizationToken));
    return {
      principalId: claims.sub,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApiArn(event.methodArn) }],
      },
      context: { sub: claims.sub, exp: claims.exp },
    };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) {
      // API Gateway answers 500 (AUTHORIZER_FAILURE → the DEFAULT_5XX gateway response).
      log.error('token verification unavailable', describeError(error));
      throw error;
    }
    log.warn('access token refused', describeError(error));
    // This exact message is what makes API Gateway answer 401 (the UNAUTHORIZED gateway response).
    throw new Error('Unauthorized', { cause: error });
  }
}
