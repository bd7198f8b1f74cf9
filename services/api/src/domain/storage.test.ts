import { contentDisposition, safeDownloadType } from './storage';

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
