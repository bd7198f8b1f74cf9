// The presigned POST is the only thing that holds an upload to its declared size and type on AWS
// (the local S3 emulator does not enforce POST policies), so its policy is decoded and checked here.
import { contentDisposition, presignUpload, safeDownloadType } from './storage';
import { setFunctionTestEnv } from '../test-env';

setFunctionTestEnv({ AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret' });
delete process.env.S3_ENDPOINT;

describe('presignUpload', () => {
  it('signs a policy that allows exactly this key, 1..size bytes and this content type, expiring as asked', async () => {
    const before = Date.now();
    const { url, fields } = await presignUpload('sub-1/note-1/att-1', 'image/png', 12_345, 300);
    const after = Date.now();
    expect(url).toMatch(/^https:\/\/jotter-test-attachments\.s3\.eu-west-1\.amazonaws\.com\/?$/);
    expect(fields).toMatchObject({ key: 'sub-1/note-1/att-1', 'Content-Type': 'image/png', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);

    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'jotter-test-attachments' },
        { key: 'sub-1/note-1/att-1' },
        ['content-length-range', 1, 12_345],
        ['eq', '$Content-Type', 'image/png'],
      ]),
    );
    // No condition widens what may be uploaded (e.g. a `starts-with` on the key).
    expect(policy.conditions.filter((c) => Array.isArray(c) && c[0] === 'starts-with')).toEqual([]);
    // Signed somewhere between `before` and `after`, valid for 300 s from then (second precision).
    expect(Date.parse(policy.expiration)).toBeGreaterThanOrEqual(before + 299_000);
    expect(Date.parse(policy.expiration)).toBeLessThanOrEqual(after + 301_000);
  });
});

describe('downloads', () => {
  test.each(['text/html', 'text/html; charset=utf-8', 'image/svg+xml', 'application/xml', 'text/xml', 'application/xhtml+xml', 'application/rss+xml', 'text/javascript', 'application/javascript', 'application/x-javascript', 'TEXT/HTML'])(
    'active content %s is served as application/octet-stream',
    (type) => {
      expect(safeDownloadType(type)).toBe('application/octet-stream');
    },
  );

  test.each(['image/png', 'application/pdf', 'text/plain', 'application/json', 'image/jpeg'])('%s keeps its type', (type) => {
    expect(safeDownloadType(type)).toBe(type);
  });

  test('path separators in file names are replaced, quotes and non-ASCII only in the fallback', () => {
    expect(contentDisposition('../../etc/passwd')).toBe(`attachment; filename=".._.._etc_passwd"; filename*=UTF-8''.._.._etc_passwd`);
    expect(contentDisposition('a\\b "c".txt')).toBe(`attachment; filename="a_b _c_.txt"; filename*=UTF-8''a_b%20%22c%22.txt`);
    expect(contentDisposition('café.pdf')).toBe(`attachment; filename="caf_.pdf"; filename*=UTF-8''caf%C3%A9.pdf`);
  });
});
