// S3 ObjectCreated on the attachments bucket → the attachment is ready (or the object goes away).
import type { Context, S3Event } from 'aws-lambda';
import { recordUpload } from '#domain/attachments';
import { log, setRequestFields, startInvocation } from '#log';

/** S3 URL-encodes keys in events, with `+` for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

export async function handler(event: S3Event, context?: Context): Promise<void> {
  startInvocation(context);
  for (const record of event.Records) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const key = decodeS3Key(record.s3.object.key);
    setRequestFields({ key, eventName: record.eventName });
    const outcome = await recordUpload(key, record.s3.object.size, record.s3.object.eTag ?? '');
    log.info('upload recorded', { outcome, size: record.s3.object.size });
  }
}
