// Keys of the account-deletion marker (layout at the top of models.ts), without Dynamoose: the
// token authorizer reads the marker and must not carry Dynamoose in its bundle.
export const accountKeys = {
  /** The user's partition: every item of the user but the share tokens (models.ts). */
  partition: (sub: string) => `USER#${sub}`,
  /** Outside the user's partition, so deleting the partition's items never deletes the marker. */
  deletionPk: (sub: string) => `DELETED#${sub}`,
  deletionSk: 'ACCOUNT',
};

/**
 * The marker of an account being (or having been) deleted: the authorizer refuses its tokens. It
 * holds nothing but the user's id and lives until every access token issued before the deletion
 * has expired (`expiresAt`, the table's TTL).
 */
export interface AccountDeletionRecord {
  pk: string;
  sk: string;
  type: 'accountDeletion';
  state: 'deleting' | 'deleted';
  startedAt: string;
  expiresAt: number;
}
