// S3: the attachments bucket (presigned uploads/downloads and deletes) and the client the search
// index store shares. Only the functions that touch S3 import this module, so the S3 client stays
// out of every other bundle.
//
// The SDK modules are loaded on first use, not at init: the attachment handlers' cold start would
// otherwise pay for the S3 client and both presigners (~80 ms) even on paths that never call S3.
import type { S3Client } from '@aws-sdk/client-s3';
import { config } from '#config';
import { awsClientConfig } from './aws';

let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;

/** The S3 client and the SDK module, loaded on first use. */
export function s3Client() {
  client ??= import('@aws-sdk/client-s3').then((sdk) => {
    const { s3Endpoint } = config();
    const s3 = new sdk.S3Client({
      ...awsClientConfig(s3Endpoint),
      // The local emulator (s3rver) serves buckets by path, not by virtual host.
      ...(s3Endpoint ? { forcePathStyle: true } : {}),
    });
    return { s3, sdk };
  });
  return client;
}

/** Object keys are ids only, never user file names: `<sub>/<noteId>/<attachmentId>`. */
export const objectKey = (sub: string, noteId: string, attachmentId: string) => `${sub}/${noteId}/${attachmentId}`;
/** Every object of a user (account deletion). */
export const userObjectsPrefix = (sub: string) => `${sub}/`;
export const noteObjectsPrefix = (sub: string, noteId: string) => `${sub}/${noteId}/`;

/**
 * A presigned POST that S3 itself holds to the declared size and content type: a bigger file or
 * another type is refused by S3 before anything is stored.
 */
export async function presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number) {
  const [{ s3: client }, { createPresignedPost }] = await Promise.all([s3Client(), import('@aws-sdk/s3-presigned-post')]);
  const { url, fields } = await createPresignedPost(client, {
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

/**
 * `attachment; filename="..."` with an ASCII fallback and the UTF-8 name (RFC 6266). Path
 * separators become `_`, so no browser or download tool can read the name as a path.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.replace(/[/\\]/g, '_');
  const fallback = name.replace(/[^\x20-\x7e]|["%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Types a browser would run or render as a document (HTML, SVG, XML, JavaScript) are served as
 * opaque bytes: with `attachment` they are downloaded anyway, and the type makes sure that nothing
 * that ignores the disposition renders them on the bucket's origin.
 */
export function safeDownloadType(contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const active = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/xsl|[a-z]+\/[a-z0-9.+-]*\+xml|(text|application)\/(x-)?(javascript|ecmascript)|text\/jscript)$/;
  return active.test(type) ? 'application/octet-stream' : contentType;
}

export async function presignDownload(key: string, fileName: string, contentType: string, expiresInSeconds: number) {
  const [{ s3: client, sdk }, { getSignedUrl }] = await Promise.all([s3Client(), import('@aws-sdk/s3-request-presigner')]);
  return getSignedUrl(
    client,
    new sdk.GetObjectCommand({
      Bucket: config().attachmentsBucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName),
      ResponseContentType: safeDownloadType(contentType),
    }),
    { expiresIn: expiresInSeconds },
  );
}

export async function deleteObject(key: string): Promise<void> {
  const { s3: client, sdk } = await s3Client();
  await client.send(new sdk.DeleteObjectCommand({ Bucket: config().attachmentsBucket, Key: key }));
}

/** Deletes every object under a prefix (a note's files, including unfinished uploads; an account's search index). */
export async function deleteObjectsUnder(prefix: string, Bucket = config().attachmentsBucket): Promise<number> {
  const { s3: client, sdk } = await s3Client();
  let deleted = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length > 0) {
      await client.send(new sdk.DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
      deleted += keys.length;
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return deleted;
}

let transfers: Promise<S3Client> | undefined;

/**
 * A client for streamed transfers (the export, an import's files): a part or a stream that waits
 * on the ZIP's backpressure can stay silent far longer than a request path's 1.5 s bound.
 */
function transferClient(): Promise<S3Client> {
  transfers ??= import('@aws-sdk/client-s3').then((sdk) => {
    const { s3Endpoint } = config();
    const base = awsClientConfig(s3Endpoint);
    return new sdk.S3Client({ ...base, requestHandler: { ...base.requestHandler, requestTimeout: 60_000 }, ...(s3Endpoint ? { forcePathStyle: true } : {}) });
  });
  return transfers;
}

/** An object's bytes as a stream (read as it is consumed, never held whole). */
export async function objectStream(key: string): Promise<NodeJS.ReadableStream> {
  const [client, { sdk }] = await Promise.all([transferClient(), s3Client()]);
  const { Body } = await client.send(new sdk.GetObjectCommand({ Bucket: config().attachmentsBucket, Key: key }));
  if (!Body) throw new Error(`S3 returned no body for ${key}`);
  return Body as NodeJS.ReadableStream;
}

/**
 * Uploads a stream of unknown length as a multipart upload: memory stays at `queueSize` parts of
 * `partSize` whatever the total. A failure aborts the upload (no part is left behind).
 */
export async function uploadStream(key: string, body: NodeJS.ReadableStream, contentType: string): Promise<void> {
  const [client, { Upload }] = await Promise.all([transferClient(), import('@aws-sdk/lib-storage')]);
  const upload = new Upload({ client, params: { Bucket: config().attachmentsBucket, Key: key, Body: body as never, ContentType: contentType }, queueSize: 2, partSize: 8 * 1024 * 1024, leavePartsOnError: false });
  await upload.done();
}

/** Writes an object whole (an imported attachment: at most 4 MiB). Returns its ETag. */
export async function putObjectBytes(key: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const [client, { sdk }] = await Promise.all([transferClient(), s3Client()]);
  const { ETag } = await client.send(new sdk.PutObjectCommand({ Bucket: config().attachmentsBucket, Key: key, Body: bytes, ContentType: contentType }));
  return ETag ?? '';
}
