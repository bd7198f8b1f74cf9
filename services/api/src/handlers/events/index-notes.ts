// The table's stream → the owners' search indexes. A failed batch is retried by Lambda (split in
// halves to isolate a bad record), then sent to the failed-events queue (functions/search.yml).
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { indexStreamRecords, type StreamRecord } from '#domain/search';
import { log, startInvocation } from '#log';

export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<void> {
  startInvocation(context);
  const report = await indexStreamRecords(event.Records as StreamRecord[]);
  if (report.users > 0) log.info('search indexed', { records: event.Records.length, ...report });
}
