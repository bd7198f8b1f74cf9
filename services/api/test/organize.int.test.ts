// Organizing notes against the local stack: tags (add, filter, counts under concurrent edits,
// limits), pinned-first ordering and each sort across pages, idempotent create with a client id,
// and bad input for each new field.
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { noteListSchema, noteSchema, tagListSchema, titleSortKey, type Note, type NoteList } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser } from '@jotter/tools/testing/users';
import { apiClient, type ApiResponse } from '@jotter/tools/testing/api';

jest.setTimeout(120_000);

const stack = readStack();
type Api = ReturnType<typeof apiClient>;

const newUser = async (): Promise<Api> => apiClient(stack, (await createTestUser(stack)).accessToken);

async function create(api: Api, body: Record<string, unknown>): Promise<Note> {
  const response = await api.post('/notes', { title: 'A note', content: '', ...body });
  expect(response.status).toBe(201);
  return z.parse(noteSchema, response.body);
}

const organize = (api: Api, noteId: string, body: unknown) => api.request('PATCH', `/notes/${noteId}`, body);

/** Every page of a list, following cursors; also returns the number of pages. */
async function listAll(api: Api, query: string, limit = 20): Promise<{ notes: Note[]; pages: number }> {
  const notes: Note[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: ApiResponse = await api.get(`/notes?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status).toBe(200);
    const page: NoteList = z.parse(noteListSchema, response.body);
    notes.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { notes, pages };
}

const tagCounts = async (api: Api) => {
  const response = await api.get('/tags');
  expect(response.status).toBe(200);
  return Object.fromEntries(z.parse(tagListSchema, response.body).items.map((t) => [t.tag, t.count]));
};

const detailPaths = (response: ApiResponse) => ((response.body as { error: { details?: { path: string }[] } }).error.details ?? []).map((d) => d.path).sort();

describe('sorting and pinning across pages (46 notes, limit 20)', () => {
  let api: Api;
  let notes: Note[];
  const pinnedIds = new Set<string>();

  beforeAll(async () => {
    api = await newUser();
    notes = [];
    // Titles deliberately out of creation order, with case and accents, so each order differs.
    for (let i = 0; i < 46; i++) notes.push(await create(api, { title: `${['Zebra', 'apple', 'Émile', 'banana', 'cherry'][i % 5]} ${String((i * 17) % 46).padStart(2, '0')}` }));
    // Edit a few old ones so "updated" differs from "created".
    for (const note of [notes[3]!, notes[10]!, notes[0]!]) {
      const response = await api.put(`/notes/${note.noteId}`, { content: 'edited', version: note.version });
      expect(response.status).toBe(200);
    }
    for (const note of [notes[5]!, notes[30]!, notes[44]!]) {
      expect((await organize(api, note.noteId, { pinned: true })).status).toBe(200);
      pinnedIds.add(note.noteId);
    }
  });

  const current = async () => (await listAll(api, 'sort=updated', 100)).notes;

  it.each([
    ['updated', (a: Note, b: Note) => b.updatedAt.localeCompare(a.updatedAt)],
    ['created', (a: Note, b: Note) => b.createdAt.localeCompare(a.createdAt)],
    // DynamoDB compares UTF-8 bytes; for these titles that is JavaScript's code-unit order.
    ['title', (a: Note, b: Note) => Number(titleSortKey(a.title) > titleSortKey(b.title)) - Number(titleSortKey(a.title) < titleSortKey(b.title))],
  ] as const)('sort=%s: every note once, pinned first, in order, over 3 pages', async (sort, within) => {
    const { notes: listed, pages } = await listAll(api, `sort=${sort}`);
    expect(pages).toBe(3);
    expect(listed).toHaveLength(46);
    expect(new Set(listed.map((n) => n.noteId)).size).toBe(46);
    expect(listed.slice(0, 3).map((n) => n.pinned)).toEqual([true, true, true]);
    expect(listed.slice(3).some((n) => n.pinned)).toBe(false);
    const expected = [...(await current())].sort((a, b) => Number(b.pinned) - Number(a.pinned) || within(a, b));
    expect(listed.map((n) => n.noteId)).toEqual(expected.map((n) => n.noteId));
  });

  it('the default order is sort=updated (pinned first), and pinned=true lists only the pinned ones', async () => {
    const byDefault = await listAll(api, '');
    expect(byDefault.notes.map((n) => n.noteId)).toEqual((await listAll(api, 'sort=updated')).notes.map((n) => n.noteId));
    const pinned = await listAll(api, 'pinned=true&sort=title', 2);
    expect(pinned.pages).toBe(2);
    expect(new Set(pinned.notes.map((n) => n.noteId))).toEqual(pinnedIds);
  });

  it('pinning changes neither version nor updatedAt, so an editor elsewhere saves without a conflict', async () => {
    const note = notes[20]!;
    const before = z.parse(noteSchema, (await api.get(`/notes/${note.noteId}`)).body);
    const pinned = z.parse(noteSchema, (await organize(api, note.noteId, { pinned: true, tags: ['elsewhere'] })).body);
    expect(pinned).toMatchObject({ version: before.version, updatedAt: before.updatedAt, pinned: true, tags: ['elsewhere'] });
    const edit = await api.put(`/notes/${note.noteId}`, { content: 'typed in the other tab', version: before.version });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'typed in the other tab', version: before.version + 1, pinned: true, tags: ['elsewhere'] });
    expect((await organize(api, note.noteId, { pinned: false, tags: [] })).status).toBe(200);
  });

  it('a cursor only works for the order it came from', async () => {
    const first = (await api.get('/notes?limit=20&sort=title')).body as NoteList;
    const response = await api.get(`/notes?limit=20&sort=created&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(response.status).toBe(400);
  });
});

describe('tags', () => {
  it('adds tags, filters by a tag across pages through the index, and keeps the filter in order', async () => {
    const api = await newUser();
    const tagged: Note[] = [];
    for (let i = 0; i < 25; i++) {
      const note = await create(api, { title: `Note ${i}`, tags: i % 2 === 0 ? ['work'] : ['home', 'work'] });
      tagged.push(note);
    }
    await create(api, { title: 'Untagged' });
    await create(api, { title: 'Only home', tags: ['home'] });
    const work = await listAll(api, 'tag=work', 10);
    expect(work.pages).toBe(3);
    expect(work.notes.map((n) => n.noteId)).toEqual([...tagged].reverse().map((n) => n.noteId));
    expect(work.notes.every((n) => n.tags.includes('work'))).toBe(true);
    const homeByTitle = await listAll(api, 'tag=home&sort=title', 5);
    expect(homeByTitle.notes.map((n) => n.title)).toEqual(['Note 1', 'Note 11', 'Note 13', 'Note 15', 'Note 17', 'Note 19', 'Note 21', 'Note 23', 'Note 3', 'Note 5', 'Note 7', 'Note 9', 'Only home']);
    expect(await tagCounts(api)).toEqual({ home: 13, work: 25 });
    // An edit moves the note up in its tag's list too.
    const edited = tagged[3]!;
    expect((await api.put(`/notes/${edited.noteId}`, { content: 'new text', version: edited.version })).status).toBe(200);
    expect((await listAll(api, 'tag=work', 10)).notes[0]!.noteId).toBe(edited.noteId);
    // Trash leaves the tag's list and count; restore comes back.
    expect((await api.delete(`/notes/${edited.noteId}`)).status).toBe(204);
    expect((await listAll(api, 'tag=home', 50)).notes.map((n) => n.noteId)).not.toContain(edited.noteId);
    expect(await tagCounts(api)).toEqual({ home: 12, work: 24 });
    expect((await api.post(`/trash/${edited.noteId}/restore`)).status).toBe(200);
    expect(await tagCounts(api)).toEqual({ home: 13, work: 25 });
    expect((await listAll(api, 'tag=work', 50)).notes[0]!.noteId).toBe(edited.noteId);
  });

  it('counts stay exact under concurrent tag edits and text edits of the same notes', async () => {
    const api = await newUser();
    const notes = await Promise.all(Array.from({ length: 4 }, (_, i) => create(api, { title: `Busy ${i}`, tags: ['start'] })));
    const tags = ['alpha', 'beta', 'gamma', 'delta', 'start'];
    // 10 organizes per note race each other and the notes' text edits.
    const results = await Promise.all(
      notes.flatMap((note) => [
        ...Array.from({ length: 10 }, (_, i) => organize(api, note.noteId, { tags: [tags[i % tags.length]!, tags[(i * 3 + 1) % tags.length]!] })),
        api.put(`/notes/${note.noteId}`, { content: 'racing text', version: note.version }),
      ]),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    const final = await Promise.all(notes.map(async (n) => z.parse(noteSchema, (await api.get(`/notes/${n.noteId}`)).body)));
    const expected: Record<string, number> = {};
    for (const note of final) for (const tag of note.tags) expected[tag] = (expected[tag] ?? 0) + 1;
    expect(await tagCounts(api)).toEqual(expected);
    for (const [tag, count] of Object.entries(expected)) expect((await listAll(api, `tag=${encodeURIComponent(tag)}`, 100)).notes).toHaveLength(count);
    expect(final.every((n) => n.content === 'racing text')).toBe(true);
  });

  it('stores a tag once, and a bad tag is a 400 naming it, with nothing written', async () => {
    const api = await newUser();
    const note = await create(api, { tags: ['dup', 'dup', 'a b'] });
    expect(note.tags).toEqual(['a b', 'dup']);
    const cases: [unknown, string[]][] = [
      [{ tags: ['Upper'] }, ['body.tags.0']],
      [{ tags: [''] }, ['body.tags.0']],
      [{ tags: ['x'.repeat(41)] }, ['body.tags.0']],
      [{ tags: ['ok', 'semi;colon'] }, ['body.tags.1']],
      [{ tags: [' padded'] }, ['body.tags.0']],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['body.tags']],
      [{ tags: 'work' }, ['body.tags']],
      [{ tags: [5] }, ['body.tags.0']],
      [{ pinned: 'yes' }, ['body.pinned']],
      [{}, ['body']],
      [{ tags: [], version: 1 }, ['body.version']],
    ];
    for (const [body, paths] of cases) {
      const response = await organize(api, note.noteId, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      // A field may fail more than one rule (an empty tag is too short and off-pattern): each is named.
      expect([...new Set(detailPaths(response))]).toEqual(paths);
    }
    const tooMany = await api.post('/notes', { title: 't', content: '', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) });
    expect(tooMany.status).toBe(400);
    expect(await tagCounts(api)).toEqual({ 'a b': 1, dup: 1 });
    for (const query of ['tag=Bad', 'sort=newest', 'pinned=yes', `tag=${'x'.repeat(41)}`]) expect((await api.get(`/notes?${query}`)).status).toBe(400);
    // 20 is allowed.
    const twenty = Array.from({ length: 20 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    expect((await organize(api, note.noteId, { tags: twenty })).body).toMatchObject({ tags: twenty });
    expect((await organize(api, randomUUID(), { pinned: true })).status).toBe(404);
  });
});

describe('PUT /notes/{noteId} without version: idempotent create', () => {
  it('the same request twice is one note (201, then 200 with the same body); another body is a 409', async () => {
    const api = await newUser();
    const noteId = randomUUID();
    const body = { title: 'Made offline', content: 'Typed on the train', tags: ['travel'], pinned: true };
    const first = await api.put(`/notes/${noteId}`, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ noteId, ...body, version: 1 });
    const again = await api.put(`/notes/${noteId}`, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await api.put(`/notes/${noteId}`, { ...body, content: 'Different' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: { code: 'version_conflict' } });
    expect((await listAll(api, '')).notes.map((n) => n.noteId)).toEqual([noteId]);
    expect(await tagCounts(api)).toEqual({ travel: 1 });
    // With a version it is an update as before.
    expect((await api.put(`/notes/${noteId}`, { content: 'Updated', version: 1 })).status).toBe(200);
    // Once edited, even the original create request is a conflict (it would undo the edit).
    expect((await api.put(`/notes/${noteId}`, body)).status).toBe(409);
  });

  it('ids are per user: the same id under another user is another note; a bad id or body is a 400', async () => {
    const [alice, bob] = await Promise.all([newUser(), newUser()]);
    const noteId = randomUUID();
    expect((await alice.put(`/notes/${noteId}`, { title: 'Alice', content: '' })).status).toBe(201);
    expect((await bob.put(`/notes/${noteId}`, { title: 'Bob', content: '' })).status).toBe(201);
    expect((await alice.get(`/notes/${noteId}`)).body).toMatchObject({ title: 'Alice' });
    expect((await alice.put('/notes/not-a-uuid', { title: 't', content: '' })).status).toBe(400);
    expect((await alice.put(`/notes/${randomUUID()}`, { title: '', content: '' })).status).toBe(400);
    expect((await alice.put(`/notes/${randomUUID()}`, { content: 'no title' })).status).toBe(400);
  });
});
