// Public read-only links against the local stack: created by the owner, read with no credentials,
// gone at once when revoked, expired (the stored expiry moved into the past) or trashed, back
// when restored; at most 20 per note; hostile tokens never reach a 5xx.
import { createHash, randomBytes } from 'node:crypto';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { createAttachmentResponseSchema } from '@jotter/shared/attachments';
import { noteListSchema, noteSchema, type Note } from '@jotter/shared/notes';
import { createdShareSchema, publicShareSchema, shareListSchema, type CreatedShare } from '@jotter/shared/shares';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient, type ApiResponse } from '@jotter/tools/testing/api';
import { LOCAL_CREDENTIALS } from '@jotter/tools/stack/config';

const stack = readStack();
const anonymous = apiClient(stack);
const dynamodb = new DynamoDBClient({ region: stack.region, endpoint: stack.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });

const hashShareToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

let owner: TestUser;
let api: ApiClient;

beforeAll(async () => {
  owner = await createTestUser(stack);
  api = apiClient(stack, owner.accessToken);
});
afterAll(() => dynamodb.destroy());

async function newNote(content = '# Trip\n\n**Bring** a [map](https://maps.example.com) <script>alert(1)</script>'): Promise<Note> {
  const response = await api.post('/notes', { title: 'Trip plan', content });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

async function share(noteId: string, body: object = {}): Promise<CreatedShare & { token: string }> {
  const response = await api.post(`/notes/${noteId}/shares`, body);
  expect(response.status).toBe(201);
  const created = z.parse(createdShareSchema, response.body);
  return { ...created, token: created.url.split('/s/')[1]! };
}

const read = (token: string) => anonymous.get(`/public/shares/${encodeURIComponent(token)}`);

/** The one answer every unavailable link gets. */
function expectUnavailable(response: ApiResponse) {
  expect(response.status).toBe(404);
  expect(response.body).toEqual({ error: { code: 'not_found', message: 'Link was not found', requestId: expect.any(String) } });
  expect(response.headers.get('x-robots-tag')).toBe('noindex');
}

describe('creating and reading a link', () => {
  it('answers the rendered note to a reader with no credentials, and nothing that names the note or its owner', async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    expect(created.url).toBe(`${stack.webUrl}/s/${created.token}`);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt).toBeNull();

    const response = await read(created.token);
    expect(response.status).toBe(200);
    const body = z.parse(publicShareSchema, response.body);
    expect(Object.keys(response.body as object).sort()).toEqual(['attachments', 'html', 'title', 'updatedAt']);
    expect(body).toEqual({ title: 'Trip plan', html: expect.stringContaining('<h1>Trip</h1>'), updatedAt: note.updatedAt, attachments: [] });
    expect(body.html).toContain('<strong>Bring</strong>');
    expect(body.html).toContain('<a href="https://maps.example.com" target="_blank" rel="noopener noreferrer">map</a>');
    expect(body.html).not.toContain('<script');
    for (const secret of [note.noteId, owner.sub, owner.email, created.shareId]) expect(response.text).not.toContain(secret);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('stores only the hash of the token', async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    // A test may scan its own emulator table; the API never does.
    const { Items } = await dynamodb.send(new ScanCommand({ TableName: stack.tableName }));
    expect(JSON.stringify(Items)).not.toContain(created.token);
    expect(JSON.stringify(Items)).toContain(hashShareToken(created.token));
  });

  it("marks the note `shared` while it has links (in the note and in the list), not after the last revoke", async () => {
    const note = await newNote();
    expect(note.shared).toBeUndefined();
    const first = await share(note.noteId);
    const second = await share(note.noteId);
    const listed = async () => z.parse(noteListSchema, (await api.get('/notes?limit=100')).body).items.find((n) => n.noteId === note.noteId);
    expect(z.parse(noteSchema, (await api.get(`/notes/${note.noteId}`)).body).shared).toBe(true);
    expect((await listed())?.shared).toBe(true);
    // Editing, organizing and a trash and restore keep the count.
    expect((await api.put(`/notes/${note.noteId}`, { title: 'Edited', content: 'x', version: note.version })).status).toBe(200);
    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await api.post(`/trash/${note.noteId}/restore`)).status).toBe(200);
    expect((await api.delete(`/notes/${note.noteId}/shares/${first.shareId}`)).status).toBe(204);
    expect((await listed())?.shared).toBe(true);
    expect((await api.delete(`/notes/${note.noteId}/shares/${second.shareId}`)).status).toBe(204);
    expect((await listed())?.shared).toBeUndefined();
  });

  it('counts views and lists the links with them, newest first, without their URL', async () => {
    const note = await newNote();
    const first = await share(note.noteId);
    const second = await share(note.noteId, { expiresInDays: 7 });
    for (let i = 0; i < 3; i++) expect((await read(first.token)).status).toBe(200);
    const list = z.parse(shareListSchema, (await api.get(`/notes/${note.noteId}/shares`)).body).items;
    expect(list).toEqual([
      { shareId: second.shareId, url: null, createdAt: expect.any(String), expiresAt: second.expiresAt, views: 0 },
      { shareId: first.shareId, url: null, createdAt: expect.any(String), expiresAt: null, views: 3 },
    ]);
    const days = (Date.parse(second.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('serves ready attachments as short-lived downloads of the same bytes', async () => {
    const note = await newNote('See the file.');
    const bytes = randomBytes(5_000);
    const target = z.parse(createAttachmentResponseSchema, (await api.post(`/notes/${note.noteId}/attachments`, { fileName: 'route.gpx', contentType: 'application/octet-stream', size: bytes.length })).body);
    const form = new FormData();
    for (const [name, value] of Object.entries(target.uploadFields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), 'route.gpx');
    expect((await fetch(target.uploadUrl, { method: 'POST', body: form })).status).toBeLessThan(300);
    const created = await share(note.noteId);
    const deadline = Date.now() + 15_000;
    let body = z.parse(publicShareSchema, (await read(created.token)).body);
    while (body.attachments.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      body = z.parse(publicShareSchema, (await read(created.token)).body);
    }
    expect(body.attachments).toEqual([{ fileName: 'route.gpx', size: bytes.length, downloadUrl: expect.any(String) }]);
    const download = await fetch(body.attachments[0]!.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it.each([[{ expiresInDays: 0 }], [{ expiresInDays: 366 }], [{ expiresInDays: 1.5 }], [{ expiresInDays: '7' }], [{ other: 1 }]])('refuses %j with validation_failed', async (body) => {
    const note = await newNote();
    const response = await api.post(`/notes/${note.noteId}/shares`, body);
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it("refuses a link to a note that is not the caller's, or is in the trash", async () => {
    const note = await newNote();
    const stranger = apiClient(stack, (await createTestUser(stack)).accessToken);
    expect((await stranger.post(`/notes/${note.noteId}/shares`, {})).status).toBe(404);
    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await api.post(`/notes/${note.noteId}/shares`, {})).status).toBe(404);
    expect((await stranger.get(`/notes/${note.noteId}/shares`)).status).toBe(404);
    expect((await api.get(`/notes/${note.noteId}/shares`)).status).toBe(404);
  });
});

describe('links that stop working', () => {
  it('revoked: 404 from the very next request, and the owner cannot revoke twice', async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    expect((await read(created.token)).status).toBe(200);
    expect((await api.delete(`/notes/${note.noteId}/shares/${created.shareId}`)).status).toBe(204);
    expectUnavailable(await read(created.token));
    expect((await api.delete(`/notes/${note.noteId}/shares/${created.shareId}`)).status).toBe(404);
    expect(z.parse(shareListSchema, (await api.get(`/notes/${note.noteId}/shares`)).body).items).toEqual([]);
  });

  it("another user cannot revoke the owner's link", async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    const stranger = apiClient(stack, (await createTestUser(stack)).accessToken);
    expect((await stranger.delete(`/notes/${note.noteId}/shares/${created.shareId}`)).status).toBe(404);
    expect((await read(created.token)).status).toBe(200);
  });

  it('expired: 404 once its time has passed (the stored expiry moved into the past)', async () => {
    const note = await newNote();
    const created = await share(note.noteId, { expiresInDays: 1 });
    expect((await read(created.token)).status).toBe(200);
    // The clock of the check is the request's; moving the link's expiry is moving time for it.
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: stack.tableName,
        Key: { pk: { S: `SHARE#${hashShareToken(created.token)}` }, sk: { S: 'TOKEN' } },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': { N: String(Math.floor(Date.now() / 1000) - 1) } },
      }),
    );
    expectUnavailable(await read(created.token));
  });

  it('trashed: 404 while the note is in the trash, works again once restored', async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expectUnavailable(await read(created.token));
    expect((await api.post(`/trash/${note.noteId}/restore`)).status).toBe(200);
    expect((await read(created.token)).status).toBe(200);
  });

  it('deleted for good: 404', async () => {
    const note = await newNote();
    const created = await share(note.noteId);
    expect((await api.delete(`/notes/${note.noteId}`)).status).toBe(204);
    expect((await api.delete(`/trash/${note.noteId}`)).status).toBe(204);
    expectUnavailable(await read(created.token));
  });

  it.each([
    ['unknown', randomBytes(32).toString('base64url')],
    ['too short', 'abc'],
    ['path traversal', '../../notes'],
    ['encoded traversal', '..%2F..%2Fhealth'],
    ['unicode', 'ünïcødé-🙂'.repeat(4)],
    ['NUL and controls', 'a\u0000b\u0007c'],
    ['a long one', 'x'.repeat(4_000)],
  ])('%s token: the same 404', async (_, token) => {
    expectUnavailable(await read(token));
  });

  it.each([
    ['empty', '/public/shares/'],
    ['1 MB', `/public/shares/${'a'.repeat(1024 * 1024)}`],
    ['traversal in the raw path', '/public/shares/../../me'],
  ])('%s: refused without a 5xx', async (_, path) => {
    const response = await anonymous.get(path).catch(() => undefined);
    // fetch may refuse to send a URL this long; what the stack answers is what matters otherwise.
    if (response) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

describe('limits', () => {
  it('at most 20 links per note, even when created in parallel; a revoke makes room', async () => {
    const note = await newNote();
    const responses = await Promise.all(Array.from({ length: 24 }, () => api.post(`/notes/${note.noteId}/shares`, {})));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect((refused.body as { error: { code: string } }).error.code).toBe('limit_exceeded');
    }
    const twentyFirst = await api.post(`/notes/${note.noteId}/shares`, {});
    expect(twentyFirst.status).toBe(409);
    const { shareId } = z.parse(createdShareSchema, responses.find((r) => r.status === 201)!.body);
    expect((await api.delete(`/notes/${note.noteId}/shares/${shareId}`)).status).toBe(204);
    expect((await api.post(`/notes/${note.noteId}/shares`, {})).status).toBe(201);
  });

  it('the public route has its own throttle: past its burst, 429 with the error body', async () => {
    const token = randomBytes(32).toString('base64url');
    const responses = await Promise.all(Array.from({ length: 60 }, () => read(token)));
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]!.body).toEqual({ error: expect.objectContaining({ code: 'too_many_requests', message: expect.any(String) }) });
    expect(responses.every((r) => r.status === 404 || r.status === 429)).toBe(true);
    // Other routes are not affected.
    expect((await api.get('/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  });
});
