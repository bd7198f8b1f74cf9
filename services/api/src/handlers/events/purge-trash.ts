// Daily: notes in the trash for more than 30 days are deleted for good, with their files.
import type { Context, ScheduledEvent } from 'aws-lambda';
import { purgeTrash } from '#domain/trash';
import { log, setRequestFields, startInvocation } from '#log';

export async function handler(event: Partial<ScheduledEvent>, context?: Context) {
  startInvocation(context);
  setRequestFields({ eventId: event.id, scheduledAt: event.time });
  const report = await purgeTrash({ now: event.time ? new Date(event.time) : new Date() });
  log.info('trash purged', { ...report });
  return report;
}
