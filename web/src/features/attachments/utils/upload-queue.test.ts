import type { CreateAttachmentResponse } from '@jotter/shared/attachments';
import type { Attachment, Note } from '@jotter/shared/notes';
import { ApiError } from '../../../lib/api-client';
import { UploadQueue, type AttachmentsApi } from './upload-queue';
import { UploadError, type Uploader } from './xhr-upload';

const NOTE = '11111111-1111-4111-8111-111111111111';
const MB = 1024 * 1024;

const file = (name: string, size: number, type = 'application/pdf') => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

/** A fake storage upload per call, driven by the test: progress(), finish(), fail(). */
interface FakeUpload {
  target: { uploadUrl: string; uploadFields: Record<string, string> };
  file: Blob;
  progress(loaded: number, total: number): void;
  finish(): void;
  fail(error?: Error): void;
  aborted: boolean;
}

function setup({ attachments = [] as Attachment[], noteId = NOTE as string | null, ensureNoteId }: { attachments?: Attachment[]; noteId?: string | null; ensureNoteId?: () => Promise<string | null> } = {}) {
  let seq = 0;
  const server = new Map<string, Attachment>(attachments.map((a) => [a.attachmentId, a]));
  const uploads: FakeUpload[] = [];
  const api = {
    declare: jest.fn(async (_noteId: string, body: { fileName: string; contentType: string; size: number }): Promise<CreateAttachmentResponse> => {
      const attachment: Attachment = { attachmentId: `a${++seq}`, ...body, status: 'pending', createdAt: new Date().toISOString() };
      server.set(attachment.attachmentId, attachment);
      return { attachment, uploadUrl: 'https://s3.test/bucket', uploadMethod: 'POST', uploadFields: { key: `k/${attachment.attachmentId}`, Policy: 'p' }, expiresAt: new Date().toISOString() };
    }),
    remove: jest.fn(async (_noteId: string, attachmentId: string) => {
      server.delete(attachmentId);
    }),
    getNote: jest.fn(async (noteId: string): Promise<Note> => ({ noteId, title: 't', content: '', version: 1, createdAt: '', updatedAt: '', tags: [], pinned: false, attachments: [...server.values()] })),
  } satisfies AttachmentsApi;
  const upload: Uploader = (target, blob, onProgress) => {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const fake: FakeUpload = {
      target,
      file: blob,
      progress: onProgress,
      finish: resolve,
      fail: (error = new UploadError("The upload didn't go through.", 0)) => reject(error),
      aborted: false,
    };
    uploads.push(fake);
    return {
      done,
      abort: () => {
        fake.aborted = true;
        reject(new UploadError('Upload cancelled.', -1));
      },
    };
  };
  const queue = new UploadQueue({ noteId, attachments, api, upload, ensureNoteId, pollDelaysMs: [100, 100, 100] });
  queue.start();
  /** What S3's ObjectCreated event does: the record becomes ready. */
  const confirm = (attachmentId: string) => server.set(attachmentId, { ...server.get(attachmentId)!, status: 'ready' });
  return { queue, api, uploads, server, confirm, items: () => queue.getState().items };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('declares, uploads with progress, then polls until storage confirms it ready', async () => {
  const { queue, api, uploads, confirm, items } = setup();
  queue.add([file('report.pdf', 3 * MB)]);
  expect(items()[0]).toMatchObject({ fileName: 'report.pdf', status: 'uploading', progress: 0 });
  await flush();
  expect(api.declare).toHaveBeenCalledWith(NOTE, { fileName: 'report.pdf', contentType: 'application/pdf', size: 3 * MB });
  expect(uploads).toHaveLength(1);
  expect(uploads[0]!.target.uploadFields).toEqual({ key: 'k/a1', Policy: 'p' });
  expect(items()[0]!.attachmentId).toBe('a1');

  uploads[0]!.progress(1 * MB, 4 * MB);
  expect(items()[0]!.progress).toBe(25);
  uploads[0]!.progress(4 * MB, 4 * MB);
  // 100% only once storage answered.
  expect(items()[0]!.progress).toBe(99);
  uploads[0]!.finish();
  await flush();
  expect(items()[0]).toMatchObject({ status: 'processing', progress: 100 });

  await jest.advanceTimersByTimeAsync(100);
  expect(api.getNote).toHaveBeenCalledTimes(1);
  expect(items()[0]!.status).toBe('processing'); // S3 hasn't told the API yet

  confirm('a1');
  await jest.advanceTimersByTimeAsync(100);
  expect(items()[0]).toMatchObject({ status: 'ready', attachmentId: 'a1' });
  await jest.advanceTimersByTimeAsync(1000);
  expect(api.getNote).toHaveBeenCalledTimes(2); // polling stopped
});

it('refuses too-big, empty and excess files before uploading anything', async () => {
  const existing: Attachment[] = Array.from({ length: 18 }, (_, i) => ({
    attachmentId: `e${i}`,
    fileName: `f${i}.txt`,
    contentType: 'text/plain',
    size: 10,
    status: 'ready',
    createdAt: new Date().toISOString(),
  }));
  const { queue, api, items } = setup({ attachments: existing });
  const queued = queue.add([file('big.iso', 12.3 * MB, 'application/x-iso9660-image'), file('empty.txt', 0), file('a.png', 1000, 'image/png'), file('b.png', 1000, 'image/png'), file('c.png', 1000, 'image/png')]);
  expect(queued).toBe(2);
  expect(queue.getState().rejected).toEqual([
    'big.iso is 12.3 MB — files can be at most 10 MB.',
    'empty.txt is empty — there is nothing to attach.',
    'c.png wasn’t added — a note can have at most 20 attachments.',
  ]);
  expect(items().map((i) => i.fileName).slice(18)).toEqual(['a.png', 'b.png']);
  await flush();
  expect(api.declare).toHaveBeenCalledTimes(2);
  expect(api.declare.mock.calls.map(([, body]) => body.fileName)).toEqual(['a.png', 'b.png']);
  queue.dismissRejected();
  expect(queue.getState().rejected).toEqual([]);
});

it('a failed upload drops its pending record, and Retry declares and uploads it again', async () => {
  const { queue, api, uploads, confirm, items } = setup();
  queue.add([file('photo.jpg', 2 * MB, 'image/jpeg')]);
  await flush();
  uploads[0]!.progress(MB, 2 * MB);
  uploads[0]!.fail();
  await flush();
  expect(items()[0]).toMatchObject({ status: 'failed', error: "The upload didn't go through.", attachmentId: null, progress: 0 });
  expect(api.remove).toHaveBeenCalledWith(NOTE, 'a1');

  queue.retry(items()[0]!.key);
  expect(items()[0]!.status).toBe('uploading');
  await flush();
  expect(api.declare).toHaveBeenCalledTimes(2);
  expect(uploads).toHaveLength(2);
  expect(uploads[1]!.file).toBe(uploads[0]!.file); // the same File, sent again
  uploads[1]!.finish();
  await flush();
  confirm('a2');
  await jest.advanceTimersByTimeAsync(100);
  expect(items()).toHaveLength(1);
  expect(items()[0]).toMatchObject({ status: 'ready', attachmentId: 'a2', error: null });
});

it('a refused declaration (e.g. too many attachments) fails the item with the server message, retryable', async () => {
  const { queue, api, uploads, items } = setup();
  api.declare.mockRejectedValueOnce(new ApiError(400, 'too_many_attachments', 'A note can have at most 20 attachments'));
  queue.add([file('x.pdf', 100)]);
  await flush();
  expect(items()[0]).toMatchObject({ status: 'failed', error: 'A note can have at most 20 attachments' });
  expect(uploads).toHaveLength(0);
  queue.retry(items()[0]!.key);
  await flush();
  expect(uploads).toHaveLength(1);
});

it('runs up to three uploads at once and starts the next when one finishes', async () => {
  const { queue, uploads, items } = setup();
  queue.add(['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.bin`, 100, '')));
  await flush();
  expect(uploads).toHaveLength(3);
  expect(items().map((i) => i.status)).toEqual(['uploading', 'uploading', 'uploading', 'queued', 'queued']);
  expect(items()[0]!.contentType).toBe('application/octet-stream');
  uploads[1]!.finish();
  await flush();
  expect(uploads).toHaveLength(4);
  expect(items().map((i) => i.status)).toEqual(['uploading', 'processing', 'uploading', 'uploading', 'queued']);
});

it('cancelling an upload aborts it and deletes its record', async () => {
  const { queue, api, uploads, items } = setup();
  queue.add([file('movie.mp4', 5 * MB, 'video/mp4')]);
  await flush();
  await queue.remove(items()[0]!.key);
  expect(uploads[0]!.aborted).toBe(true);
  expect(api.remove).toHaveBeenCalledWith(NOTE, 'a1');
  expect(items()).toEqual([]);
});

it('deleting a ready attachment calls the API; a refused delete keeps it', async () => {
  const ready: Attachment = { attachmentId: 'r1', fileName: 'a.txt', contentType: 'text/plain', size: 5, status: 'ready', createdAt: new Date().toISOString() };
  const { queue, api, items } = setup({ attachments: [ready] });
  api.remove.mockRejectedValueOnce(new ApiError(500, 'internal_error', 'Boom'));
  await expect(queue.remove('r1')).rejects.toThrow('Boom');
  expect(items()[0]).toMatchObject({ attachmentId: 'r1', deleting: false });
  await queue.remove('r1');
  expect(items()).toEqual([]);
});

it('saves a brand-new note first, and fails the upload when there is no note to attach to', async () => {
  const ensureNoteId = jest.fn(async () => NOTE);
  const { queue, api } = setup({ noteId: null, ensureNoteId });
  queue.add([file('a.pdf', 10)]);
  await flush();
  expect(ensureNoteId).toHaveBeenCalledTimes(1);
  expect(api.declare).toHaveBeenCalledWith(NOTE, expect.anything());

  const none = setup({ noteId: null, ensureNoteId: async () => null });
  none.queue.add([file('b.pdf', 10)]);
  await flush();
  expect(none.items()[0]).toMatchObject({ status: 'failed' });
  expect(none.api.declare).not.toHaveBeenCalled();
});

it('shows server records as they are: pending ones are followed, stale pending ones count as unfinished', async () => {
  const now = Date.now();
  const { items, api, confirm } = setup({
    attachments: [
      { attachmentId: 'p1', fileName: 'new.pdf', contentType: 'application/pdf', size: 5, status: 'pending', createdAt: new Date(now - 5_000).toISOString() },
      { attachmentId: 'p2', fileName: 'old.pdf', contentType: 'application/pdf', size: 5, status: 'pending', createdAt: new Date(now - 3600_000).toISOString() },
      { attachmentId: 'f1', fileName: 'bad.pdf', contentType: 'application/pdf', size: 5, status: 'failed', createdAt: new Date(now).toISOString() },
    ],
  });
  expect(items().map((i) => [i.fileName, i.status])).toEqual([
    ['new.pdf', 'processing'],
    ['old.pdf', 'failed'],
    ['bad.pdf', 'failed'],
  ]);
  confirm('p1');
  await jest.advanceTimersByTimeAsync(100);
  expect(api.getNote).toHaveBeenCalled();
  expect(items()[0]!.status).toBe('ready');
});
