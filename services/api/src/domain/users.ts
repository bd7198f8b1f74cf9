import { CognitoIdentityProviderClient, DeleteUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '#config';
import { awsClientConfig } from './aws';
import { NotAuthenticatedError } from './errors';

let client: CognitoIdentityProviderClient | undefined;

function cognito(): CognitoIdentityProviderClient {
  client ??= new CognitoIdentityProviderClient(awsClientConfig(config().cognitoEndpoint));
  return client;
}

/**
 * Access tokens carry no email, so it comes from Cognito's GetUser, which is authorized by the
 * token itself (no IAM permission needed, and it proves the token has not been revoked).
 */
export async function getUserEmail(accessToken: string): Promise<string> {
  const user = await cognito().send(new GetUserCommand({ AccessToken: accessToken })).catch((error: unknown) => {
    // Signed out everywhere (revoked) or deleted since the authorizer's cached decision.
    if (error instanceof Error && error.name === 'NotAuthorizedException')
      throw new NotAuthenticatedError('Your session is no longer valid; sign in again');
    throw error;
  });
  return user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value ?? '';
}

/**
 * Deletes the Cognito user with its own access token (no IAM permission, no user pool id needed);
 * its refresh tokens die with it. A user that is already gone (a retried deletion) is fine.
 */
export async function deleteCognitoUser(accessToken: string): Promise<void> {
  await cognito()
    .send(new DeleteUserCommand({ AccessToken: accessToken }))
    .catch((error: unknown) => {
      if (!(error instanceof Error && (error.name === 'NotAuthorizedException' || error.name === 'UserNotFoundException'))) throw error;
    });
}
