// The public read's rules with the table and S3 stubbed: the clock is the `now` argument.
import type { NoteRecord, ShareTokenRecord } from '@jotter/shared/server/models';
import { readPublicShare } from './public-share';
import { countView, findSharedNote } from './share-table';
import { hashShareToken, newShareToken } from './share-token';

jest.mock('./share-table', () => ({ countView: jest.fn(), findSharedNote: jest.fn() }));
jest.mock('./storage', () => ({ objectKey: (...parts: string[]) => parts.join('/'), presignDownload: async (key: string) => `https://s3.test/${key}?signed` }));

const token = newShareToken();
const link: ShareTokenRecord = { pk: `SHARE#${hashShareToken(token)}`, sk: 'TOKEN', type: 'shareToken', ownerId: 'owner-sub', noteId: 'note-1', shareId: 'share-1', createdAt: '2026-07-01T00:00:00.000Z', views: 1 };
const note = (overrides: Partial<NoteRecord> = {}): NoteRecord => ({
  pk: 'USER#owner-sub', sk: 'NOTE#note-1', gsi1pk: 'x', gsi1sk: 'y', type: 'note', state: 'active', ownerId: 'owner-sub', noteId: 'note-1',
  title: 'Plan', content: '# Plan\n\n<img src=x onerror=alert(1)>', version: 3, createdAt: '2026-07-01T00:00:00.000Z', updatedAt: '2026-07-02T00:00:00.000Z',
  attachments: [
    { attachmentId: 'a1', fileName: 'map.pdf', contentType: 'application/pdf', size: 10, status: 'ready', createdAt: '2026-07-01T00:00:00.000Z' },
    { attachmentId: 'a2', fileName: 'half.bin', contentType: 'application/octet-stream', size: 5, status: 'pending', createdAt: '2026-07-01T00:00:00.000Z' },
  ],
  ...overrides,
});

beforeEach(() => jest.mocked(countView).mockReset().mockResolvedValue(link));

it('answers only title, html, updatedAt and the ready files, looked up by the hash at the given time', async () => {
  jest.mocked(findSharedNote).mockResolvedValue(note());
  const now = new Date('2026-07-10T12:00:00.000Z');
  const share = await readPublicShare(token, now);
  expect(countView).toHaveBeenCalledWith(hashShareToken(token), Math.floor(now.getTime() / 1000));
  expect(findSharedNote).toHaveBeenCalledWith('owner-sub', 'note-1');
  expect(share).toEqual({
    title: 'Plan',
    html: expect.stringContaining('<h1>Plan</h1>'),
    updatedAt: '2026-07-02T00:00:00.000Z',
    attachments: [{ fileName: 'map.pdf', size: 10, downloadUrl: 'https://s3.test/owner-sub/note-1/a1?signed' }],
  });
  expect(share.html).not.toContain('<img');
});

it.each([
  ['unknown, revoked or expired (the conditional lookup finds nothing)', () => jest.mocked(countView).mockResolvedValue(undefined)],
  ['in the trash', () => jest.mocked(findSharedNote).mockResolvedValue(note({ state: 'trash' }))],
  ['deleted for good', () => jest.mocked(findSharedNote).mockResolvedValue(undefined)],
])('%s: the same NotFoundError', async (_, arrange) => {
  jest.mocked(findSharedNote).mockResolvedValue(note());
  arrange();
  await expect(readPublicShare(token)).rejects.toThrow(expect.objectContaining({ name: 'NotFoundError', message: 'Link was not found' }));
});

it('looks a malformed token up like any other (never by its raw value), and finds nothing', async () => {
  jest.mocked(countView).mockResolvedValue(undefined);
  await expect(readPublicShare('../../etc/passwd')).rejects.toThrow('Link was not found');
  const [hash] = jest.mocked(countView).mock.calls[0]!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(hash).not.toBe(hashShareToken('../../etc/passwd'));
});
