// Attachments end to end against the local stack: presigned POST to the S3 emulator, its
// ObjectCreated event delivered to the real function, downloads, deletes and the trash purge.
import { randomBytes } from 'node:crypto';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { attachmentDownloadSchema, createAttachmentResponseSchema, type CreateAttachmentResponse } from '@jotter/shared/attachments';
import { noteSchema, type Attachment, type Note } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';
import { getStoredItem, putStoredItem } from '@jotter/tools/testing/table';
import { LOCAL_CREDENTIALS } from '@jotter/tools/stack/config';

const stack = readStack();
const local = { region: stack.region, credentials: LOCAL_CREDENTIALS };
const s3 = new S3Client({ ...local, endpoint: stack.s3Endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
const dynamodb = new DynamoDBClient({ ...local, endpoint: stack.dynamodbEndpoint });
const lambda = new LambdaClient({ ...local, endpoint: stack.lambdaEndpoint });

let owner: TestUser;
let api: ApiClient;

beforeAll(async () => {
  owner = await createTestUser(stack);
  api = apiClient(stack, owner.accessToken);
});

async function newNote(client = api): Promise<Note> {
  const response = await client.post('/notes', { title: 'With files', content: '' });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

async function declare(noteId: string, fileName: string, size: number, contentType = 'application/octet-stream'): Promise<CreateAttachmentResponse> {
  const response = await api.post(`/notes/${noteId}/attachments`, { fileName, contentType, size });
  expect(response.status).toBe(201);
  return z.parse(createAttachmentResponseSchema, response.body);
}

/** What a browser does with the presigned POST: a multipart form, file last. */
async function upload(target: CreateAttachmentResponse, bytes: Buffer, contentType = target.attachment.contentType) {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.uploadFields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }), target.attachment.fileName);
  const response = await fetch(target.uploadUrl, { method: 'POST', body: form });
  expect(response.status).toBeLessThan(300);
}

async function attachmentOf(noteId: string, attachmentId: string): Promise<Attachment | undefined> {
  const note = z.parse(noteSchema, (await api.get(`/notes/${noteId}`)).body);
  return note.attachments.find((a) => a.attachmentId === attachmentId);
}

/** S3 events arrive asynchronously (as on AWS): wait for the attachment to leave `pending`. */
async function settled(noteId: string, attachmentId: string): Promise<Attachment | undefined> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const attachment = await attachmentOf(noteId, attachmentId);
    if (attachment?.status !== 'pending' || Date.now() > deadline) return attachment;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function objectKeys(prefix: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: stack.attachmentsBucket, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key!);
}

async function waitFor(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the attachment-bytes quota (attachmentBytesQuota: 1 GiB per account, at declared sizes)', () => {
  const limit = 1024 ** 3;

  it('refuses the upload request that would pass it (409 limit_exceeded, nothing recorded); deleting, a failed upload and deleting the note forever give bytes back', async () => {
    const user = await createTestUser(stack);
    const client = apiClient(stack, user.accessToken);
    const counter = { pk: `USER#${user.sub}`, sk: 'QUOTA#attachmentBytes' };
    const used = async () => Number((await getStoredItem(stack, counter))?.used?.N);
    const note = await newNote(client);
    const ask = (size: number, fileName = 'a.bin') => client.post(`/notes/${note.noteId}/attachments`, { fileName, contentType: 'application/octet-stream', size });
    // Seeded: the account's files take all but 100 bytes (a realistic limit, no stage of its own).
    await putStoredItem(stack, counter, { type: { S: 'quota' }, used: { N: String(limit - 100) } });

    const refused = await ask(101);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: expect.objectContaining({ code: 'limit_exceeded', quota: { name: 'attachmentBytes', limit, used: limit - 100 } }) });
    expect(z.parse(noteSchema, (await client.get(`/notes/${note.noteId}`)).body).attachments).toEqual([]);
    expect(await used()).toBe(limit - 100);

    const fits = await ask(100);
    expect(fits.status).toBe(201);
    const target = z.parse(createAttachmentResponseSchema, fits.body);
    expect(await used()).toBe(limit);
    expect((await ask(1)).status).toBe(409);

    // Deleted: its bytes are free again.
    expect((await client.delete(`/notes/${note.noteId}/attachments/${target.attachment.attachmentId}`)).status).toBe(204);
    expect(await used()).toBe(limit - 100);

    // A failed upload (not the declared size) gives its bytes back once S3 reports it.
    const failing = z.parse(createAttachmentResponseSchema, (await ask(50, 'short.bin')).body);
    expect(await used()).toBe(limit - 50);
    await upload(failing, randomBytes(40));
    await waitFor(async () => (await used()) === limit - 100, 'the failed upload to give its bytes back');
    expect(z.parse(noteSchema, (await client.get(`/notes/${note.noteId}`)).body).attachments.map((a) => a.status)).toEqual(['failed']);

    // A note deleted forever gives back what its attachments held.
    expect((await ask(60, 'kept.bin')).status).toBe(201);
    expect(await used()).toBe(limit - 40);
    expect((await client.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await client.delete(`/trash/${note.noteId}`)).status).toBe(204);
    expect(await used()).toBe(limit - 100);
  });
});

describe('uploading and downloading', () => {
  it('uploads through the presigned POST, becomes ready with the size S3 reports, and downloads the same bytes', async () => {
    const note = await newNote();
    const bytes = randomBytes(200_000);
    const target = await declare(note.noteId, 'Résumé "final".pdf', bytes.length, 'application/pdf');
    expect(target.attachment).toMatchObject({ fileName: 'Résumé "final".pdf', status: 'pending', size: bytes.length });
    expect(target.uploadMethod).toBe('POST');
    expect(target.uploadFields.key).toBe(`${owner.sub}/${note.noteId}/${target.attachment.attachmentId}`);
    expect(Date.parse(target.expiresAt)).toBeGreaterThan(Date.now());

    await upload(target, bytes);
    expect(await settled(note.noteId, target.attachment.attachmentId)).toMatchObject({ status: 'ready', size: bytes.length });

    const download = await api.get(`/notes/${note.noteId}/attachments/${target.attachment.attachmentId}`);
    expect(download.status).toBe(200);
    const { downloadUrl } = z.parse(attachmentDownloadSchema, download.body);
    const file = await fetch(downloadUrl);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''${encodeURIComponent('Résumé "final".pdf')}`,
    );
    expect(file.headers.get('content-type')).toBe('application/pdf');
  });

  it('serves active content (SVG) as an opaque download, with path separators out of its name', async () => {
    const note = await newNote();
    const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const target = await declare(note.noteId, 'x/..\\evil.svg', bytes.length, 'image/svg+xml');
    await upload(target, bytes);
    expect(await settled(note.noteId, target.attachment.attachmentId)).toMatchObject({ status: 'ready' });
    const download = await api.get(`/notes/${note.noteId}/attachments/${target.attachment.attachmentId}`);
    const file = await fetch(z.parse(attachmentDownloadSchema, download.body).downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="x_.._evil.svg"; filename*=UTF-8''x_.._evil.svg`);
  });

  it('answers 409 attachment_not_ready while the upload has not arrived', async () => {
    const note = await newNote();
    const target = await declare(note.noteId, 'later.txt', 10, 'text/plain');
    const response = await api.get(`/notes/${note.noteId}/attachments/${target.attachment.attachmentId}`);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: 'attachment_not_ready' } });
  });

  it('deletes an upload bigger than declared and marks the attachment failed', async () => {
    // The emulator does not enforce the POST policy (AWS would refuse the upload outright), so this
    // proves the second line of defence: the ObjectCreated function re-checks the size.
    const note = await newNote();
    const target = await declare(note.noteId, 'small.bin', 10);
    await upload(target, randomBytes(5_000));
    expect(await settled(note.noteId, target.attachment.attachmentId)).toMatchObject({ status: 'failed', size: 10 });
    await waitFor(async () => (await objectKeys(target.uploadFields.key!)).length === 0, 'the oversize object to be deleted');
  });

  it('deletes objects that no attachment asked for', async () => {
    const key = `${owner.sub}/${crypto.randomUUID()}/${crypto.randomUUID()}`;
    await s3.send(new PutObjectCommand({ Bucket: stack.attachmentsBucket, Key: key, Body: 'stray' }));
    await waitFor(async () => (await objectKeys(key)).length === 0, 'the orphan object to be deleted');
  });
});

describe('limits and validation', () => {
  it('refuses a declared size over 10 MiB with 413 and records nothing', async () => {
    const note = await newNote();
    const response = await api.post(`/notes/${note.noteId}/attachments`, { fileName: 'big.iso', contentType: 'application/octet-stream', size: 10 * 1024 * 1024 + 1 });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await api.get(`/notes/${note.noteId}`)).body).toMatchObject({ attachments: [] });
  });

  it('accepts exactly 10 MiB and at most 20 attachments per note', async () => {
    const note = await newNote();
    await declare(note.noteId, 'max.bin', 10 * 1024 * 1024);
    // A few at a time, as a browser uploads them (offline starts one Lambda instance per concurrent call).
    for (let batch = 0; batch < 19; batch += 5) {
      await Promise.all(
        Array.from({ length: Math.min(5, 19 - batch) }, (_, i) => declare(note.noteId, `f${batch + i}.txt`, 1, 'text/plain')),
      );
    }
    const response = await api.post(`/notes/${note.noteId}/attachments`, { fileName: 'one-too-many.txt', contentType: 'text/plain', size: 1 });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'too_many_attachments' } });
    expect(z.parse(noteSchema, (await api.get(`/notes/${note.noteId}`)).body).attachments).toHaveLength(20);
  });

  it.each<[string, unknown, string[]]>([
    ['an empty file name', { fileName: ' ', contentType: 'text/plain', size: 1 }, ['body.fileName']],
    ['a control character in the name', { fileName: 'a\u0000b', contentType: 'text/plain', size: 1 }, ['body.fileName']],
    ['a bad content type', { fileName: 'a', contentType: 'not a type', size: 1 }, ['body.contentType']],
    ['a zero size', { fileName: 'a', contentType: 'text/plain', size: 0 }, ['body.size']],
    ['a fractional size', { fileName: 'a', contentType: 'text/plain', size: 1.5 }, ['body.size']],
    ['an unknown field', { fileName: 'a', contentType: 'text/plain', size: 1, public: true }, ['body.public']],
  ])('refuses %s with 400 validation_failed', async (_, body, paths) => {
    const note = await newNote();
    const response = await api.post(`/notes/${note.noteId}/attachments`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect((response.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(paths);
  });
});

describe('ownership', () => {
  it('answers 404 to another user for every attachment route', async () => {
    const note = await newNote();
    const target = await declare(note.noteId, 'mine.txt', 3, 'text/plain');
    await upload(target, Buffer.from('abc'));
    await settled(note.noteId, target.attachment.attachmentId);
    const other = apiClient(stack, (await createTestUser(stack)).accessToken);
    const path = `/notes/${note.noteId}/attachments`;
    for (const response of [
      await other.post(path, { fileName: 'x.txt', contentType: 'text/plain', size: 1 }),
      await other.get(`${path}/${target.attachment.attachmentId}`),
      await other.delete(`${path}/${target.attachment.attachmentId}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(await objectKeys(target.uploadFields.key!)).toHaveLength(1);
  });
});

describe('deleting leaves no objects behind', () => {
  async function noteWithUploadedFile(): Promise<{ note: Note; key: string }> {
    const note = await newNote();
    const target = await declare(note.noteId, 'a.txt', 5, 'text/plain');
    await upload(target, Buffer.from('hello'));
    expect(await settled(note.noteId, target.attachment.attachmentId)).toMatchObject({ status: 'ready' });
    expect(await objectKeys(target.uploadFields.key!)).toEqual([target.uploadFields.key]);
    return { note, key: target.uploadFields.key! };
  }

  it('deleting an attachment removes its object and record', async () => {
    const { note, key } = await noteWithUploadedFile();
    const attachmentId = key.split('/')[2];
    expect((await api.delete(`/notes/${note.noteId}/attachments/${attachmentId}`)).status).toBe(204);
    expect(await objectKeys(key)).toEqual([]);
    expect((await api.get(`/notes/${note.noteId}`)).body).toMatchObject({ attachments: [] });
    expect((await api.delete(`/notes/${note.noteId}/attachments/${attachmentId}`)).status).toBe(404);
  });

  it('deleting a note forever removes its objects, including unfinished uploads', async () => {
    const { note } = await noteWithUploadedFile();
    await declare(note.noteId, 'never-uploaded.txt', 5, 'text/plain');
    await api.delete(`/notes/${note.noteId}`);
    expect(await objectKeys(`${owner.sub}/${note.noteId}/`)).toHaveLength(1);
    expect((await api.delete(`/trash/${note.noteId}`)).status).toBe(204);
    expect(await objectKeys(`${owner.sub}/${note.noteId}/`)).toEqual([]);
  });

  it('the scheduled purge deletes notes trashed over 30 days ago with their objects, and keeps newer ones', async () => {
    const { note: old } = await noteWithUploadedFile();
    const { note: recent } = await noteWithUploadedFile();
    await api.delete(`/notes/${old.noteId}`);
    await api.delete(`/notes/${recent.noteId}`);
    // Time travel: move the old note's deletion 31 days back, in the table itself.
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: stack.tableName,
        Key: { pk: { S: `USER#${owner.sub}` }, sk: { S: `NOTE#${old.noteId}` } },
        UpdateExpression: 'SET deletedAt = :t, gsi2sk = :s',
        ExpressionAttributeValues: { ':t': { S: longAgo }, ':s': { S: `${longAgo}#${owner.sub}#${old.noteId}` } },
      }),
    );

    // The same event shape EventBridge sends for a schedule.
    const event = { version: '0', id: crypto.randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), region: stack.region, resources: [], detail: {} };
    const result = await lambda.send(
      new InvokeCommand({ FunctionName: 'jotter-api-dev-purgeTrash', Payload: Buffer.from(JSON.stringify(event)) }),
    );
    const report = JSON.parse(Buffer.from(result.Payload!).toString());
    expect(report.notesDeleted).toBeGreaterThanOrEqual(1);

    expect(await objectKeys(`${owner.sub}/${old.noteId}/`)).toEqual([]);
    expect(await objectKeys(`${owner.sub}/${recent.noteId}/`)).toHaveLength(1);
    expect((await api.post(`/trash/${old.noteId}/restore`)).status).toBe(404);
    expect((await api.post(`/trash/${recent.noteId}/restore`)).status).toBe(200);
  });
});
