// Exports and imports against the local stack: POST /exports runs the export function as an
// asynchronous invocation (serverless-offline's Lambda API), the ZIP lands in the S3 emulator and
// is downloaded through its presigned link; importing it into a fresh account reproduces titles,
// content, tags, pinned flags and attachment bytes exactly.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import yauzl from 'yauzl';
import * as z from 'zod/mini';
import { createAttachmentResponseSchema } from '@jotter/shared/attachments';
import { exportSchema, type Export } from '@jotter/shared/exports';
import { noteSchema, type Note } from '@jotter/shared/notes';
import { readStack } from '../../../tools/src/testing/stack';
import { createTestUser } from '../../../tools/src/testing/users';
import { apiClient, type ApiClient } from '../../../tools/src/testing/api';

jest.setTimeout(90_000);
const stack = readStack();
const local = { region: stack.region, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const s3 = new S3Client({ ...local, endpoint: stack.s3Endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
afterAll(() => s3.destroy());

/** Every entry of a ZIP: name → bytes. */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

async function newNote(api: ApiClient, body: object): Promise<Note> {
  const response = await api.post('/notes', body);
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

/** An attachment with its bytes in the bucket, marked ready by the upload event. */
async function attach(api: ApiClient, noteId: string, fileName: string, bytes: Buffer, contentType: string): Promise<void> {
  const created = z.parse(createAttachmentResponseSchema, (await api.post(`/notes/${noteId}/attachments`, { fileName, contentType, size: bytes.length })).body);
  const sub = created.uploadFields.key!.split('/')[0];
  await s3.send(new PutObjectCommand({ Bucket: stack.attachmentsBucket, Key: `${sub}/${noteId}/${created.attachment.attachmentId}`, Body: bytes, ContentType: contentType }));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const note = z.parse(noteSchema, (await api.get(`/notes/${noteId}`)).body);
    if (note.attachments.find((a) => a.attachmentId === created.attachment.attachmentId)?.status === 'ready') return;
    if (Date.now() > deadline) throw new Error(`${fileName} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function exportOf(api: ApiClient): Promise<Export & { zip: Buffer }> {
  const started = await api.post('/exports');
  expect(started.status).toBe(202);
  const { exportId, status } = z.parse(exportSchema, started.body);
  expect(status).toBe('running');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const polled = await api.get(`/exports/${exportId}`);
    expect(polled.status).toBe(200);
    const state = z.parse(exportSchema, polled.body);
    expect(state.status).not.toBe('failed');
    if (state.status === 'ready') {
      const download = await fetch(state.downloadUrl!);
      expect(download.status).toBe(200);
      return { ...state, zip: Buffer.from(await download.arrayBuffer()) };
    }
    if (Date.now() > deadline) throw new Error('the export never finished');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)]);

describe('export', () => {
  let api: ApiClient;
  let exported: Export & { zip: Buffer };
  let trip: Note;

  beforeAll(async () => {
    api = apiClient(stack, (await createTestUser(stack)).accessToken);
    trip = await newNote(api, { title: 'Trip: "Lisbon" / Porto', content: '# Plan\n\n- day 1\n---\nnot front matter\n', tags: ['travel', 'plans'], pinned: true });
    await newNote(api, { title: 'Trip: "Lisbon" / porto', content: 'same name, other case' });
    const trashed = await newNote(api, { title: 'Gone', content: 'in the trash' });
    expect((await api.delete(`/notes/${trashed.noteId}`)).status).toBe(204);
    await attach(api, trip.noteId, 'map.png', png, 'image/png');
    await attach(api, trip.noteId, 'map.png', Buffer.from('second map'), 'text/plain');
    exported = await exportOf(api);
  });

  it('is a ZIP of one Markdown file per active note with front matter, attachments in a folder beside it', async () => {
    const entries = await unzip(exported.zip);
    // Both titles make the same file name but for case: one of them gets ` (2)` (which, by note id order).
    const tripFile = [...entries.keys()].find((name) => name.endsWith('.md') && entries.get(name)!.toString().includes('# Plan'))!;
    const folder = tripFile.replace(/\.md$/, '');
    const other = folder === 'Trip_ _Lisbon_ _ Porto' ? 'Trip_ _Lisbon_ _ porto (2).md' : 'Trip_ _Lisbon_ _ porto.md';
    expect(['Trip_ _Lisbon_ _ Porto', 'Trip_ _Lisbon_ _ Porto (2)']).toContain(folder);
    expect([...entries.keys()].sort()).toEqual([tripFile, other, `${folder}/map (2).png`, `${folder}/map.png`].sort());
    const markdown = entries.get(tripFile)!.toString('utf8');
    expect(markdown).toBe(
      [
        '---',
        'title: "Trip: \\"Lisbon\\" / Porto"',
        `tags: ${JSON.stringify(trip.tags)}`,
        'pinned: true',
        `created: "${trip.createdAt}"`,
        `updated: "${trip.updatedAt}"`,
        'attachments: [{"name":"map.png","contentType":"image/png"},{"name":"map (2).png","contentType":"text/plain"}]',
        '---',
        '# Plan\n\n- day 1\n---\nnot front matter\n',
      ].join('\n'),
    );
    expect(entries.get(`${folder}/map.png`)).toEqual(png);
    expect(entries.get(`${folder}/map (2).png`)!.toString()).toBe('second map');
  });

  it('links to it for 24 hours', () => {
    const hours = (Date.parse(exported.expiresAt!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("is nobody else's: another user gets 404, as does an unknown id", async () => {
    const stranger = apiClient(stack, (await createTestUser(stack)).accessToken);
    expect((await stranger.get(`/exports/${exported.exportId}`)).status).toBe(404);
    expect((await api.get('/exports/0b5e4a5e-8a0e-4c43-9a57-5f3f7c1c0d11')).status).toBe(404);
  });
});
