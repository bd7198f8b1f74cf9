import { parseNoteFile, safeFileName, toMarkdown, uniqueNamer } from './note-files';

describe('note files', () => {
  it('round-trips any title, tags, pin, times, attachments and the exact content', () => {
    const note = {
      title: 'a: "quoted"\nsecond line',
      content: '---\nnot front matter\n---\n\n# Heading',
      tags: ['x', 'y z'],
      pinned: true,
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-02T00:00:00.000Z',
      attachments: [{ name: 'a (2).png', fileName: 'a.png', contentType: 'image/png' }],
    };
    expect(parseNoteFile(toMarkdown(note), 'whatever.md')).toEqual(note);
  });

  it('takes the title from plain YAML, else the first heading, else the file name', () => {
    expect(parseNoteFile("---\ntitle: It's plain\n---\nbody", 'x.md').title).toBe("It's plain");
    expect(parseNoteFile("---\ntitle: 'single ''quoted'''\n---\n", 'x.md').title).toBe("single 'quoted'");
    expect(parseNoteFile('intro\n## Second level ##\n# First', 'x.md').title).toBe('Second level');
    expect(parseNoteFile('no heading', 'dir/Reading list.txt')).toMatchObject({ title: 'Reading list', content: 'no heading', tags: [], pinned: false });
  });

  it('makes titles safe and unique file names', () => {
    expect(safeFileName('../etc/pass:wd\u0000')).toBe('__etc_pass_wd_');
    expect(safeFileName('   ')).toBe('Untitled');
    const name = uniqueNamer();
    expect([name('a.md'), name('A.md'), name('a.md'), name('b')]).toEqual(['a.md', 'A (2).md', 'a (3).md', 'b']);
  });
});
