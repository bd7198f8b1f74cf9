// Exports and imports against the local stack: POST /exports runs the export function as an
// asynchronous invocation (serverless-offline's Lambda API), the ZIP lands in the S3 emulator and
// is downloaded through its presigned link; importing it into a fresh account reproduces titles,
// content, tags, pinned flags and attachment bytes exactly.
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { attachmentDownloadSchema } from '@jotter/shared/attachments';
import { noteListSchema } from '@jotter/shared/notes';
import yauzl from 'yauzl';
import * as z from 'zod/mini';
import { createAttachmentResponseSchema } from '@jotter/shared/attachments';
import { exportSchema, type Export } from '@jotter/shared/exports';
import { noteSchema, type Note } from '@jotter/shared/notes';
import { importResultSchema } from '@jotter/shared/exports';
import { craftZip } from '@jotter/tools/testing/zip';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';

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

/** POST /imports with the archive's bytes as they are. */
interface ImportAnswer {
  status: number;
  body: { imported: number; skipped: { name: string }[]; error: { code: string } };
}

async function importZip(accessToken: string, zip: Buffer, contentType = 'application/zip'): Promise<ImportAnswer> {
  const response = await fetch(`${stack.apiUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': contentType }, body: zip });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as ImportAnswer['body']) : (null as never) };
}

async function allNotes(api: ApiClient): Promise<Note[]> {
  const response = await api.get('/notes?limit=100');
  expect(response.status).toBe(200);
  return z.parse(noteListSchema, response.body).items;
}

async function objectCount(sub: string): Promise<number> {
  return (await s3.send(new ListObjectsV2Command({ Bucket: stack.attachmentsBucket, Prefix: `${sub}/` }))).KeyCount ?? 0;
}

async function attachmentBytes(client: ApiClient, noteId: string, attachmentId: string): Promise<Buffer> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await client.get(`/notes/${noteId}/attachments/${attachmentId}`);
    if (response.status === 200) return Buffer.from(await (await fetch(z.parse(attachmentDownloadSchema, response.body).downloadUrl)).arrayBuffer());
    if (Date.now() > deadline) throw new Error(`attachment ${attachmentId}: ${response.status} ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let api: ApiClient;
let exported: Export & { zip: Buffer };

describe('export', () => {
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
        'attachments: [{"name":"map.png","fileName":"map.png","contentType":"image/png"},{"name":"map (2).png","fileName":"map.png","contentType":"text/plain"}]',
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

describe('import', () => {
  it("of an export into a fresh account reproduces titles, content, tags, pinned flags and attachment bytes exactly", async () => {
    const source = await allNotes(api);
    const user = await createTestUser(stack);
    const fresh = apiClient(stack, user.accessToken);
    const result = await importZip(user.accessToken, exported.zip);
    expect(result.status).toBe(200);
    expect(z.parse(importResultSchema, result.body)).toEqual({ imported: source.length, skipped: [] });

    const copies = await allNotes(fresh);
    const shape = (notes: Note[]) => notes.map(({ title, content, tags, pinned, createdAt, updatedAt, attachments }) => ({ title, content, tags, pinned, createdAt, updatedAt, attachments: attachments.map((a) => [a.fileName, a.contentType, a.size]) })).sort((a, b) => a.title.localeCompare(b.title));
    expect(shape(copies)).toEqual(shape(source));
    for (const copy of copies) {
      const original = source.find((n) => n.title === copy.title)!;
      for (const [i, attachment] of copy.attachments.entries()) {
        expect(await attachmentBytes(fresh, copy.noteId, attachment.attachmentId)).toEqual(await attachmentBytes(api, original.noteId, original.attachments[i]!.attachmentId));
      }
    }

    // The same archive again: nothing is duplicated.
    expect((await importZip(user.accessToken, exported.zip)).status).toBe(200);
    expect(await allNotes(fresh)).toHaveLength(source.length);
  });

  it('of plain files: title from the front matter, the first heading or the file name; what it cannot use is listed', async () => {
    const user = await createTestUser(stack);
    const zip = craftZip([
      { name: 'Reading list.txt', data: 'Dune\nHyperion\n' },
      { name: 'notes/meeting.md', data: 'Intro line\n\n## Agenda\n\n- budget\n', deflate: true },
      { name: 'fm.md', data: '---\ntitle: Plain YAML title\ntags: [work]\npinned: true\n---\nBody' },
      { name: 'photo.png', data: Buffer.from([0x89, 0x50]) },
      { name: 'latin1.md', data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
      { name: 'untitled.md', data: '' },
      { name: 'bad tags.md', data: '---\ntags: ["Not Valid!"]\n---\nx' },
    ]);
    const result = await importZip(user.accessToken, zip);
    expect(result.status).toBe(200);
    expect(result.body.imported).toBe(4);
    expect(result.body.skipped.map((s) => s.name).sort()).toEqual(['bad tags.md', 'latin1.md', 'photo.png']);
    const notes = await allNotes(apiClient(stack, user.accessToken));
    expect(Object.fromEntries(notes.map((n) => [n.title, { content: n.content, tags: n.tags, pinned: n.pinned }]))).toEqual({
      'Reading list': { content: 'Dune\nHyperion\n', tags: [], pinned: false },
      Agenda: { content: 'Intro line\n\n## Agenda\n\n- budget\n', tags: [], pinned: false },
      'Plain YAML title': { content: 'Body', tags: [], pinned: true },
      untitled: { content: '', tags: [], pinned: false },
    });
  });

  const hostile: [string, () => Buffer][] = [
    ['path traversal', () => craftZip([{ name: 'ok.md', data: 'fine' }, { name: 'notes/../../evil.md', data: 'x' }])],
    ['an absolute path', () => craftZip([{ name: 'ok.md', data: 'fine' }, { name: '/etc/evil.md', data: 'x' }])],
    ['a drive letter', () => craftZip([{ name: 'C:/evil.md', data: 'x' }])],
    ['a backslash', () => craftZip([{ name: '..\\evil.md', data: 'x' }])],
    ['a name that is not UTF-8', () => craftZip([{ name: 'ok.md', data: 'fine' }, { name: Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x6d, 0x64]), data: 'x' }])],
    ['duplicate names', () => craftZip([{ name: 'a.md', data: 'one' }, { name: 'a.md', data: 'two' }])],
    ['names that differ only in case', () => craftZip([{ name: 'Notes/a.md', data: 'one' }, { name: 'notes/A.md', data: 'two' }])],
    ['more than 2,000 entries', () => craftZip(Array.from({ length: 2001 }, (_, i) => ({ name: `n${i}.md`, data: 'x' })))],
    ['a zip bomb (inflates 1,000 times)', () => craftZip([{ name: 'ok.md', data: 'fine' }, { name: 'bomb.md', data: Buffer.alloc(50 * 1024 * 1024, 0x20), deflate: true }])],
    ['an entry that inflates past its declared size', () => craftZip([{ name: 'ok.md', data: 'fine' }, { name: 'liar.md', data: Buffer.alloc(4 * 1024 * 1024, 0x20), deflate: true, declaredSize: 100 }])],
    ['bytes that are not a ZIP', () => Buffer.from('PK\u0003\u0004 not really')],
  ];

  it.each(hostile)('refuses %s with 400 and writes nothing', async (_, build) => {
    const user = await createTestUser(stack);
    const result = await importZip(user.accessToken, build());
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(await allNotes(apiClient(stack, user.accessToken))).toEqual([]);
    expect(await objectCount(user.sub)).toBe(0);
  });

  it('refuses another content type (415) and a body over 4 MiB (413)', async () => {
    const user = await createTestUser(stack);
    const zip = craftZip([{ name: 'a.md', data: 'x' }]);
    expect((await importZip(user.accessToken, zip, 'application/octet-stream')).status).toBe(415);
    expect((await importZip(user.accessToken, craftZip([{ name: 'big.bin', data: Buffer.alloc(4 * 1024 * 1024 + 1) }]))).status).toBe(413);
    expect(await allNotes(apiClient(stack, user.accessToken))).toEqual([]);
  });
});
