// The attachments bucket: presigned uploads/downloads and deletes. Only the functions that touch
// files import this module, so the S3 client stays out of every other bundle.
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '#config';

let client: S3Client | undefined;

function s3(): S3Client {
  if (!client) {
    const { region, s3Endpoint } = config();
    client = new S3Client({
      region,
      // The local emulator (s3rver) serves buckets by path, not by virtual host.
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
    });
  }
  return client;
}

/** Object keys are ids only, never user file names: `<sub>/<noteId>/<attachmentId>`. */
export const objectKey = (sub: string, noteId: string, attachmentId: string) => `${sub}/${noteId}/${attachmentId}`;
export const noteObjectsPrefix = (sub: string, noteId: string) => `${sub}/${noteId}/`;

/**
 * A presigned POST that S3 itself holds to the declared size and content type: a bigger file or
 * another type is refused by S3 before anything is stored.
 */
export async function presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number) {
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: config().attachmentsBucket,
    Key: key,
    Conditions: [
      ['content-length-range', 1, size],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: expiresInSeconds,
  });
  return { url, fields };
}

/** `attachment; filename="..."` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number) {
  return getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: config().attachmentsBucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName),
      ResponseContentType: contentType,
    }),
    { expiresIn: expiresInSeconds },
  );
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config().attachmentsBucket, Key: key }));
}

/** Deletes every object under a prefix (a note's files, including unfinished uploads). */
export async function deleteObjectsUnder(prefix: string): Promise<number> {
  const Bucket = config().attachmentsBucket;
  let deleted = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length > 0) {
      await s3().send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
      deleted += keys.length;
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return deleted;
}
