import { config } from '../config';
import { createSession } from './auth/session';

/** The app's one session (Cognito tokens, refresh timer). */
export const session = createSession({
  userPoolId: config.userPoolId,
  clientId: config.userPoolClientId,
  region: config.region,
  endpoint: config.cognitoEndpoint,
  authFlow: config.authFlow,
});
