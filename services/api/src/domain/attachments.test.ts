// The S3 upload event's rules (uploadDecision), over status × size × duplicate delivery.
import type { AttachmentRecord } from '@jotter/shared/server/models';
import { uploadDecision } from './attachments';

const declared = 1_000;
const record = (status: AttachmentRecord['status'], etag?: string): AttachmentRecord => ({
  attachmentId: '7d7f0b59-3c57-4b8e-9a0b-1f3c2b6e5a11',
  fileName: 'a.png',
  contentType: 'image/png',
  size: declared,
  status,
  createdAt: '2026-07-14T09:30:00.000Z',
  ...(etag ? { etag } : {}),
});

describe('uploadDecision', () => {
  it('makes a pending record ready only when the object has exactly the declared size', () => {
    expect(uploadDecision(record('pending'), declared, '"e1"')).toEqual({ outcome: 'ready', updated: { ...record('pending'), status: 'ready', etag: '"e1"' } });
  });

  it.each([
    ['smaller than declared', declared - 1],
    ['bigger than declared', declared + 1],
    ['empty', 0],
  ])('rejects an object %s: the record fails (and recordUpload deletes the object)', (_, size) => {
    expect(uploadDecision(record('pending'), size, '"e1"')).toEqual({ outcome: 'rejected', updated: { ...record('pending'), status: 'failed', etag: '"e1"' } });
  });

  it.each([['ready' as const], ['failed' as const]])('treats the same object delivered again to a %s record as a harmless duplicate', (status) => {
    expect(uploadDecision(record(status, '"e1"'), declared, '"e1"')).toEqual({ outcome: 'duplicate' });
  });

  it('does not revive a failed record with a second upload, even of the right size', () => {
    expect(uploadDecision(record('failed', '"too-big"'), declared, '"e2"')).toEqual({ outcome: 'rejected', updated: { ...record('failed'), status: 'failed', etag: '"e2"' } });
  });

  it('does not let a second upload replace a ready file', () => {
    expect(uploadDecision(record('ready', '"e1"'), declared, '"e2"')).toMatchObject({ outcome: 'rejected', updated: { status: 'failed' } });
  });

  it('a duplicate delivery after a rejection changes nothing', () => {
    const rejected = uploadDecision(record('pending'), declared + 5, '"e1"').updated!;
    expect(uploadDecision(rejected, declared + 5, '"e1"')).toEqual({ outcome: 'duplicate' });
  });

  it('an object for an attachment nobody declared is an orphan', () => {
    expect(uploadDecision(undefined, declared, '"e1"')).toEqual({ outcome: 'orphan' });
  });
});
