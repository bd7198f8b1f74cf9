import { config } from '../config';
import { createApiClient } from './api-client';
import { session } from './session';

/**
 * The app's one API client. A 401 ends the session; the protected route then sends the user to
 * /sign-in and remembers where they were.
 */
export const api = createApiClient({
  baseUrl: config.apiUrl,
  getAccessToken: () => session.getAccessToken(),
  onUnauthorized: () => session.signOut('expired'),
});
