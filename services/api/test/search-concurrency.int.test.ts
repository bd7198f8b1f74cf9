// Two indexers updating the same user's index at the same moment (two stream shards, or a rebuild
// racing a batch) must never lose each other's changes: each is a separate copy of the search
// domain, as two Lambda instances would be, against the local stack's table and bucket.
import { randomUUID } from 'node:crypto';
import type { NoteRecord } from '@jotter/shared/server/models';
import { functionEnv } from '../../../bench/src/lib/events';
import { readStack } from '../../../tools/src/testing/stack';

const stack = readStack();
Object.assign(process.env, functionEnv(stack), { LOG_LEVEL: 'error' });

type SearchModule = typeof import('../src/domain/search');
const indexer = (): SearchModule => {
  let copy: SearchModule | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<SearchModule>('../src/domain/search');
  });
  return copy!;
};

const note = (sub: string, title: string): NoteRecord =>
  ({ pk: `USER#${sub}`, sk: `NOTE#${title}`, type: 'note', state: 'active', ownerId: sub, noteId: randomUUID(), title, content: `${title} body`, version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', attachments: [] }) as unknown as NoteRecord;

it('two concurrent indexers of one user never lose an update', async () => {
  const sub = randomUUID();
  const [a, b, reader] = [indexer(), indexer(), indexer()];
  await a.perUserIndexBackend.rebuild(sub);
  const written: NoteRecord[] = [];
  for (let round = 0; round < 8; round++) {
    const [fromA, fromB] = [note(sub, `alpha${round}`), note(sub, `bravo${round}`)];
    written.push(fromA, fromB);
    await Promise.all([
      a.perUserIndexBackend.apply(sub, [{ noteId: fromA.noteId, record: fromA }]),
      b.perUserIndexBackend.apply(sub, [{ noteId: fromB.noteId, record: fromB }]),
    ]);
  }
  const found = await reader.searchNotes(sub, { q: 'body', limit: 50 });
  expect(found.items.map((item) => item.noteId).sort()).toEqual(written.map((record) => record.noteId).sort());
});

it('writes small changes as a delta and folds a grown delta into a new base; a cold reader sees both', async () => {
  const sub = randomUUID();
  const writer = indexer();
  await writer.perUserIndexBackend.rebuild(sub);
  const { readManifest, maxDeltaChanges } = jest.requireActual<typeof import('../src/domain/search-store')>('../src/domain/search-store');
  const batch = Array.from({ length: maxDeltaChanges + 1 }, (_, i) => note(sub, `charlie${i}`));
  await writer.perUserIndexBackend.apply(sub, batch.map((record) => ({ noteId: record.noteId, record })));
  const folded = await readManifest(sub);
  expect(folded).toMatchObject({ documents: batch.length, baseVersion: folded?.version });
  expect(folded?.deltaKey).toBeUndefined();

  const late = note(sub, 'delta');
  await writer.perUserIndexBackend.apply(sub, [{ noteId: late.noteId, record: late }, { noteId: batch[0]!.noteId, record: undefined }]);
  const withDelta = await readManifest(sub);
  expect(withDelta).toMatchObject({ objectKey: folded?.objectKey, documents: batch.length, version: folded!.version! + 1 });
  expect(withDelta?.deltaKey).toEqual(expect.any(String));

  const cold = indexer();
  const found = await cold.searchNotes(sub, { q: 'delta', limit: 50 });
  expect(found.items.map((item) => item.noteId)).toEqual([late.noteId]);
  const removed = await cold.searchNotes(sub, { q: 'charlie0 ', limit: 50 });
  expect(removed.items.length).toBeGreaterThan(0);
  expect(removed.items.map((item) => item.noteId)).not.toContain(batch[0]!.noteId);
});
