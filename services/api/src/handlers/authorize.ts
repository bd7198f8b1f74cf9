// API Gateway TOKEN authorizer for every user route. Its decision is cached per token
// (authorizer.yml resultTtlInSeconds), so the policy allows the whole API, not one method.
// A token of an account being deleted may only finish the deletion (DELETE /me, that method alone);
// once deleted, its still-valid tokens are refused (the marker, domain/account-table.ts).
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { config } from '#config';
import { bearerToken, createAccessTokenVerifier, InvalidTokenError } from '#auth/verify-access-token';
import { readDeletionState } from '#domain/account-table';
import { describeError, log } from '#log';

let verify: ReturnType<typeof createAccessTokenVerifier> | undefined;

/** `arn:aws:execute-api:region:account:api/stage/METHOD/path` → `.../api/stage/*` */
export function wholeApiArn(methodArn: string): string {
  const [prefix, stage] = methodArn.split('/');
  return `${prefix}/${stage}/*`;
}

/** `.../api/stage/DELETE/me` */
export const isDeleteMe = (methodArn: string) => methodArn.split('/').slice(2).join('/') === 'DELETE/me';

export async function handler(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const { cognitoIssuer, cognitoClientId } = config();
  verify ??= createAccessTokenVerifier({ issuer: cognitoIssuer, clientId: cognitoClientId });
  try {
    const claims = await verify(bearerToken(event.authorizationToken));
    const deletion = await readDeletionState(claims.sub);
    if (deletion && !(deletion === 'deleting' && isDeleteMe(event.methodArn))) throw new InvalidTokenError('The account was deleted');
    return {
      principalId: claims.sub,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: deletion ? event.methodArn : wholeApiArn(event.methodArn) }],
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
