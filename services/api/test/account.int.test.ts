// DELETE /me against the local stack: every item of the user (notes, trash, tags, keys, quotas,
// links and their token items, the search manifest) and every object of the user (attachments,
// exports, search index) is gone, listed from the
// emulators rather than assumed; the still-valid access token is refused; a deletion that stopped
// halfway is finished by sending the request again; another user keeps everything.
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { createdShareSchema } from '@jotter/shared/shares';
import { noteSchema, type Note } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser, signIn, type TestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';
import { eventually } from '@jotter/tools/testing/processes';
import { putStoredItem } from '@jotter/tools/testing/table';

jest.setTimeout(60_000);
const stack = readStack();
const local = { region: stack.region, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const s3 = new S3Client({ ...local, endpoint: stack.s3Endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
const dynamodb = new DynamoDBClient({ ...local, endpoint: stack.dynamodbEndpoint });
afterAll(() => {
  s3.destroy();
  dynamodb.destroy();
});

const confirm = { confirm: 'delete my account' };

async function partitionItems(sub: string): Promise<string[]> {
  const page = await dynamodb.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `USER#${sub}` } }, ConsistentRead: true }));
  return (page.Items ?? []).map((item) => item.sk!.S!);
}

async function objectKeys(sub: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: stack.attachmentsBucket, Prefix: `${sub}/` }));
  return (page.Contents ?? []).map((object) => object.Key!);
}

/** The user's search index objects (written by the stream indexer after their notes). */
async function searchObjects(sub: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: stack.searchBucket, Prefix: `search/${sub}/` }));
  return (page.Contents ?? []).map((object) => object.Key!);
}

/** A user with one of everything; returns the hash-keyed share token item's key too. */
async function populated(): Promise<{ user: TestUser; api: ApiClient; note: Note; shareTokenPk: string }> {
  const user = await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  const note = z.parse(noteSchema, (await api.post('/notes', { title: 'Kept', content: 'body' })).body);
  expect((await api.request('PATCH', `/notes/${note.noteId}`, { tags: ['work'], pinned: true })).status).toBe(200);
  const trashed = z.parse(noteSchema, (await api.post('/notes', { title: 'Old', content: '' })).body);
  expect((await api.delete(`/notes/${trashed.noteId}`)).status).toBe(204);
  const declared = await api.post<{ attachment: { attachmentId: string } }>(`/notes/${note.noteId}/attachments`, { fileName: 'a.txt', contentType: 'text/plain', size: 5 });
  expect(declared.status).toBe(201);
  expect((await api.post('/keys', { name: 'sync' })).status).toBe(201);
  z.parse(createdShareSchema, (await api.post(`/notes/${note.noteId}/shares`, {})).body);
  const share = await dynamodb.send(
    new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :share)', ExpressionAttributeValues: { ':pk': { S: `USER#${user.sub}` }, ':share': { S: 'SHARE#' } } }),
  );
  // The declared attachment's bytes (its upload event marks it ready and keeps the object).
  await s3.send(new PutObjectCommand({ Bucket: stack.attachmentsBucket, Key: `${user.sub}/${note.noteId}/${declared.body!.attachment.attachmentId}`, Body: 'bytes' }));
  return { user, api, note, shareTokenPk: `SHARE#${share.Items![0]!.tokenHash!.S!}` };
}

async function expectGone(user: TestUser, shareTokenPk: string) {
  expect(await partitionItems(user.sub)).toEqual([]);
  expect((await dynamodb.send(new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: shareTokenPk }, sk: { S: 'TOKEN' } } }))).Item).toBeUndefined();
  expect(await objectKeys(user.sub)).toEqual([]);
  // The indexer may still be working through the deleted notes' stream records: it must not write.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await searchObjects(user.sub)).toEqual([]);
  expect(await partitionItems(user.sub)).toEqual([]);
  // The access token is still unexpired, and refused everywhere.
  const api = apiClient(stack, user.accessToken);
  for (const response of await Promise.all([api.get('/notes'), api.get('/me'), api.post('/notes', { title: 'after', content: '' }), api.delete('/me', confirm)])) {
    expect(response.status).toBe(401);
  }
  await expect(signIn(stack, user.email, user.password)).rejects.toThrow();
}

test('deletes every item and object of the user and the user; the old token gets 401; others keep theirs', async () => {
  const [victim, bystander] = await Promise.all([populated(), populated()]);
  expect((await partitionItems(victim.user.sub)).length).toBeGreaterThan(5);
  expect(await objectKeys(victim.user.sub)).toHaveLength(1);
  await eventually('the search index of the victim', 20_000, async () => ((await searchObjects(victim.user.sub)).length > 0 ? true : undefined));

  expect((await victim.api.delete('/me', confirm)).status).toBe(204);

  await expectGone(victim.user, victim.shareTokenPk);
  expect((await bystander.api.get(`/notes/${bystander.note.noteId}`)).status).toBe(200);
  expect(await objectKeys(bystander.user.sub)).toHaveLength(1);
  expect((await dynamodb.send(new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: bystander.shareTokenPk }, sk: { S: 'TOKEN' } } }))).Item).toBeDefined();
});

test.each([
  ['no body', undefined],
  ['a wrong phrase', { confirm: 'delete my acount' }],
  ['the phrase in capitals', { confirm: 'DELETE MY ACCOUNT' }],
  ['an extra field', { ...confirm, force: true }],
])('%s → 400, nothing deleted', async (_, body) => {
  const user = await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  await api.post('/notes', { title: 'Stays', content: '' });
  // The search manifest is the indexer's, written whenever the stream reaches it: left out.
  const written = async () => (await partitionItems(user.sub)).filter((sk) => sk !== 'SEARCH');
  const before = await written();
  const response = await api.delete('/me', body);
  expect(response.status).toBe(400);
  expect((response.body as { error: { code: string } }).error.code).toBe('validation_failed');
  expect(await written()).toEqual(before);
  expect((await api.get('/me')).status).toBe(200);
});

test('a deletion that stopped halfway refuses everything but finishing it, and sending it again finishes it', async () => {
  const victim = await populated();
  // What a crash after the first steps leaves: the marker, and some items still there.
  await putStoredItem(stack, { pk: `DELETED#${victim.user.sub}`, sk: 'ACCOUNT' }, { type: { S: 'accountDeletion' }, state: { S: 'deleting' }, startedAt: { S: new Date().toISOString() }, expiresAt: { N: String(Math.floor(Date.now() / 1000) + 3600) } });
  expect((await victim.api.get('/notes')).status).toBe(401);
  expect((await victim.api.post('/notes', { title: 'during', content: '' })).status).toBe(401);
  expect((await partitionItems(victim.user.sub)).length).toBeGreaterThan(5);

  expect((await victim.api.delete('/me', confirm)).status).toBe(204);

  await expectGone(victim.user, victim.shareTokenPk);
});
