// The table's stream → note events on the owners' open WebSocket connections (domain/live.ts).
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { liveEventsOf, pushLiveEvents, type LiveStreamRecord } from '#domain/live';
import { log, startInvocation } from '#log';

export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<void> {
  startInvocation(context);
  const byOwner = liveEventsOf(event.Records as LiveStreamRecord[]);
  if (byOwner.size === 0) return;
  log.info('live events pushed', { records: event.Records.length, ...(await pushLiveEvents(byOwner)) });
}
