import { deleteMeRoute } from '@jotter/shared/contract/system';
import { bearerToken } from '#auth/verify-access-token';
import { deleteAccount } from '#domain/account';
import { route } from '#http/route';

/** Deletes the account; the user's own token deletes the Cognito user, last. */
export const handler = route(deleteMeRoute, async ({ user, event }) => deleteAccount(user.sub, bearerToken(event.headers.Authorization ?? event.headers.authorization)));
