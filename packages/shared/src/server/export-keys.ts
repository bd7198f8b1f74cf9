// Keys of export items and objects (layout at the top of models.ts), without Dynamoose: the export
// function and the export routes use the raw DynamoDB client.
export const exportKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: (exportId: string) => `EXPORT#${exportId}`,
  /** Outside every user's prefix (`<sub>/`): the upload event ignores it, a lifecycle rule expires it. */
  objectPrefix: 'exports/',
  userPrefix: (sub: string) => `exports/${sub}/`,
  objectKey: (sub: string, exportId: string) => `exports/${sub}/${exportId}.zip`,
};

export interface ExportRecord {
  pk: string;
  sk: string;
  type: 'export';
  exportId: string;
  status: 'running' | 'ready' | 'failed';
  createdAt: string;
  /** Ready: when the ZIP was complete; its link works for 24 h from then. */
  readyAt?: string;
  /** Epoch seconds: the table's TTL (the ZIP itself is expired by the bucket's lifecycle rule). */
  expiresAt: number;
}
