import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '#config';
import { awsClientConfig } from './aws';
import { NotAuthenticatedError } from './errors';

let client: CognitoIdentityProviderClient | undefined;

/**
 * Access tokens carry no email, so it comes from Cognito's GetUser, which is authorized by the
 * token itself (no IAM permission needed, and it proves the token has not been revoked).
 */
export async function getUserEmail(accessToken: string): Promise<string> {
  client ??= new CognitoIdentityProviderClient(awsClientConfig(config().cognitoEndpoint));
  const user = await client.send(new GetUserCommand({ AccessToken: accessToken })).catch((error: unknown) => {
    // Signed out everywhere (revoked) or deleted since the authorizer's cached decision.
    if (error instanceof Error && error.name === 'NotAuthorizedException')
      throw new NotAuthenticatedError('Your session is no longer valid; sign in again');
    throw error;
  });
  return user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value ?? '';
}
