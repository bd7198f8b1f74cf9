// Account deletion (DELETE /me). Resumable by construction: the marker comes first (from then on
// the authorizer lets the user's tokens do nothing but finish the deletion), every later step is
// idempotent, and the Cognito user goes last, so a deletion that stopped halfway is finished by
// sending the same request again. The marker outlives the user by a day: it is how a still-valid
// access token of a deleted user is refused.
import { accountKeys } from '@jotter/shared/server/account-keys';
import { exportKeys } from '@jotter/shared/server/export-keys';
import { shareKeys } from '@jotter/shared/server/keys';
import { deleteItems, firstPage, markDeleted, markDeleting, type PartitionItem } from './account-table';
import { removeGatewayKey } from './key-gateway';
import { deleteIndexObjects } from './search-store';
import { deleteObjectsUnder, userObjectsPrefix } from './storage';
import { deleteCognitoUser } from './users';

/** Items per page: one Query, then at most 8 BatchWriteItems (shares add their token items). */
const PAGE = 100;

/** Everything an item of the user's partition takes with it: share tokens live in their own partition. */
function keysToDelete(item: PartitionItem) {
  const keys = [{ pk: item.pk, sk: item.sk }];
  if (item.type === 'share' && item.tokenHash) keys.push({ pk: shareKeys.tokenPk(item.tokenHash), sk: shareKeys.tokenSk });
  return keys;
}

/**
 * Deletes every item and object of the user, then the user. The partition is emptied page by page
 * (each deleted page makes the next the first); its size is bounded by the quotas.
 */
export async function deleteAccount(sub: string, accessToken: string, now = new Date()): Promise<void> {
  await markDeleting(sub, now);
  const pk = accountKeys.partition(sub);
  for (;;) {
    const page = await firstPage(pk, PAGE);
    if (page.length === 0) break;
    // API Gateway keys first: a crash after the items were gone would lose their ids.
    await Promise.all(page.flatMap((item) => (item.gatewayKeyId ? [removeGatewayKey(item.gatewayKeyId)] : [])));
    await deleteItems(page.flatMap(keysToDelete));
  }
  await deleteObjectsUnder(userObjectsPrefix(sub));
  await deleteObjectsUnder(exportKeys.userPrefix(sub));
  await deleteIndexObjects(sub);
  await deleteCognitoUser(accessToken);
  await markDeleted(sub);
}
