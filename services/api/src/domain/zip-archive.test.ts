import { craftZip } from '@jotter/tools/testing/zip';
import { HostileArchiveError } from './errors';
import { archiveLimits, readArchive } from './zip-archive';

describe('readArchive', () => {
  it('reads names and bytes, folders left out', async () => {
    const zip = craftZip([{ name: 'a/', data: '' }, { name: 'a/b.md', data: 'hello', deflate: true }, { name: 'c.txt', data: 'é' }]);
    expect(await readArchive(zip)).toEqual([
      { name: 'a/b.md', data: Buffer.from('hello') },
      { name: 'c.txt', data: Buffer.from('é') },
    ]);
  });

  it('refuses declared sizes over the total before inflating anything', async () => {
    const zip = craftZip([{ name: 'a.md', data: 'x'.repeat(600), deflate: true }, { name: 'b.md', data: 'y'.repeat(600), deflate: true }]);
    await expect(readArchive(zip, { ...archiveLimits, maxTotalBytes: 1000 })).rejects.toThrow(new HostileArchiveError('The archive inflates to more than 1000 bytes'));
    expect(await readArchive(zip, { ...archiveLimits, maxTotalBytes: 1200 })).toHaveLength(2);
  });

  it('applies the ratio only to entries big enough to matter', async () => {
    const small = craftZip([{ name: 'spaces.md', data: ' '.repeat(60 * 1024), deflate: true }]);
    expect(await readArchive(small)).toHaveLength(1);
    const big = craftZip([{ name: 'spaces.md', data: ' '.repeat(200 * 1024), deflate: true }]);
    await expect(readArchive(big)).rejects.toThrow('inflates more than 100 times');
  });
});
