import type { NoteRecord } from '@jotter/shared/server/models';
import { NoteIndex, searchDocument, type SearchDocument } from './search-index';
import { parseQuery } from './search-text';

const doc = (id: string, fields: Partial<SearchDocument>): SearchDocument => ({ id, title: '', content: '', tags: [], files: '', updatedAt: '2026-01-01T00:00:00.000Z', pinned: false, ...fields });
const ids = (index: NoteIndex, q: string, tag?: string) => index.search(parseQuery(q), tag).map((hit) => hit.id);

describe('NoteIndex', () => {
  const index = NoteIndex.of([
    doc('kyoto', { title: 'Kyoto trip', content: 'Temples and a café.', tags: ['travel', 'japan trip'], files: 'map.pdf' }),
    doc('body', { title: 'Misc', content: 'Notes from the kyoto office', updatedAt: '2026-02-01T00:00:00.000Z' }),
    doc('old', { title: 'Misc', content: 'Notes from the kyoto office', updatedAt: '2025-02-01T00:00:00.000Z' }),
  ]);

  it('ranks title hits first, then ties by the newest', () => {
    expect(ids(index, 'kyoto')).toEqual(['kyoto', 'body', 'old']);
  });

  it('finds tags and file names, filters by tag', () => {
    expect(ids(index, 'map')).toEqual(['kyoto']);
    expect(ids(index, 'japan')).toEqual(['kyoto']);
    expect(ids(index, 'kyoto', 'travel')).toEqual(['kyoto']);
    expect(ids(index, 'tag:"japan trip"')).toEqual(['kyoto']);
  });

  it('prefix on the last word, one typo from 5 letters', () => {
    expect(ids(index, 'templ')).toEqual(['kyoto']);
    expect(ids(index, 'officr notes')).toEqual(['body', 'old']);
    expect(ids(index, 'cafx')).toEqual([]);
  });

  it('survives a round trip through JSON, and removes and replaces exactly', () => {
    const copy = NoteIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    copy.remove('kyoto');
    copy.put(doc('body', { title: 'Renamed', content: 'nothing here' }));
    expect(ids(copy, 'kyoto')).toEqual(['old']);
    expect(ids(copy, 'renamed')).toEqual(['body']);
    expect(copy.size).toBe(2);
    expect(ids(index, 'kyoto')).toHaveLength(3);
  });

  it('throws on something that is not an index', () => {
    expect(() => NoteIndex.fromJSON({ nope: true })).toThrow();
  });
});

describe('searchDocument', () => {
  const record = { type: 'note', state: 'active', noteId: 'n1', title: 'T', content: '**x** [y](http://z)', tags: ['a'], pinned: true, updatedAt: '2026-01-01T00:00:00.000Z', attachments: [{ fileName: 'r.pdf' }, { fileName: 's.png' }] } as unknown as NoteRecord;

  it('is the note as plain text with its tags and file names', () => {
    expect(searchDocument(record)).toEqual({ id: 'n1', title: 'T', content: 'x y', tags: ['a'], files: 'r.pdf\ns.png', updatedAt: '2026-01-01T00:00:00.000Z', pinned: true });
  });

  it('is nothing for a trashed note', () => {
    expect(searchDocument({ ...record, state: 'trash' })).toBeUndefined();
  });
});
