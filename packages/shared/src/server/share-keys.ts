// Keys of the share items (layout at the top of models.ts), without Dynamoose: the public share
// function imports these and must not carry Dynamoose in its bundle.
export const shareKeys = {
  pk: (sub: string) => `USER#${sub}`,
  /** The shared note's sort key (noteKeys.sk, without loading the models). */
  noteSk: (noteId: string) => `NOTE#${noteId}`,
  /** Every share item of a note starts with this. */
  notePrefix: (noteId: string) => `SHARE#${noteId}#`,
  sk: (noteId: string, shareId: string) => `SHARE#${noteId}#${shareId}`,
  tokenPk: (tokenHash: string) => `SHARE#${tokenHash}`,
  tokenSk: 'TOKEN',
};
