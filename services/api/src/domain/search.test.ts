// Which stream records reach the search indexes: only note writes (as changes) and repair
// requests (as rebuilds); every other item of the table is ignored. The backend is stubbed.
import { marshall } from '@aws-sdk/util-dynamodb';
import { setFunctionTestEnv } from '../test-env';
import { indexStreamRecords, searchBackend, type StreamRecord } from './search';

setFunctionTestEnv();
// The account `gone` is being deleted; every other one is not.
jest.mock('./account-table', () => ({ readDeletionState: async (sub: string) => (sub === 'gone' ? 'deleting' : undefined) }));

const record = (eventName: StreamRecord['eventName'], item: Record<string, unknown>): StreamRecord => ({
  eventName,
  dynamodb: { Keys: marshall({ pk: item.pk, sk: item.sk }), NewImage: eventName === 'REMOVE' ? undefined : marshall(item, { removeUndefinedValues: true }) },
});

const note = { pk: 'USER#u1', sk: 'NOTE#n1', type: 'note', noteId: 'n1', state: 'active', title: 'Kyoto', content: 'temples', shareCount: 1, shared: true };

let apply: jest.SpyInstance;
let rebuild: jest.SpyInstance;
beforeEach(() => {
  apply = jest.spyOn(searchBackend, 'apply').mockResolvedValue();
  rebuild = jest.spyOn(searchBackend, 'rebuild').mockResolvedValue();
});
afterEach(() => jest.restoreAllMocks());

test('ignores the items that are not notes: quotas, share links and their tokens, keys, tags, a manifest without a repair request', async () => {
  const report = await indexStreamRecords([
    record('MODIFY', { pk: 'USER#u1', sk: 'QUOTA#notes', type: 'quota', used: 3 }),
    record('MODIFY', { pk: 'USER#u1', sk: 'QUOTA#v1Requests#2026-07-14', type: 'quota', used: 9 }),
    record('INSERT', { pk: 'USER#u1', sk: 'SHARE#n1#s1', type: 'share', noteId: 'n1', shareId: 's1' }),
    record('MODIFY', { pk: 'SHARE#abc', sk: 'TOKEN', type: 'shareToken', ownerId: 'u1', noteId: 'n1', views: 4 }),
    record('REMOVE', { pk: 'SHARE#abc', sk: 'TOKEN' }),
    record('MODIFY', { pk: 'USER#u1', sk: 'KEY#k1', type: 'apiKey', lastUsedAt: '2026-07-14T00:00:00.000Z' }),
    record('INSERT', { pk: 'USER#u1', sk: 'KEY#k1#DAY#2026-07-14', type: 'apiKeyUsage', requests: 1 }),
    record('MODIFY', { pk: 'USER#u1', sk: 'KEYS', keyCount: 1 }),
    record('INSERT', { pk: 'USER#u1', sk: 'TAG#travel#n1', type: 'noteTag' }),
    record('MODIFY', { pk: 'USER#u1', sk: 'TAGCOUNT#travel', count: 1 }),
    record('MODIFY', { pk: 'USER#u1', sk: 'SEARCH', type: 'searchManifest', version: 2, updatedAt: '2026-07-14T00:00:00.000Z' }),
  ]);
  expect(report).toEqual({ users: 0, changes: 0, rebuilds: 0 });
  expect(apply).not.toHaveBeenCalled();
  expect(rebuild).not.toHaveBeenCalled();
});

test('a note write among other items becomes one change of its owner (the last record of the note wins); a removal, a gone note', async () => {
  const report = await indexStreamRecords([
    record('INSERT', note),
    record('MODIFY', { pk: 'USER#u1', sk: 'QUOTA#notes', type: 'quota', used: 1 }),
    record('MODIFY', { ...note, title: 'Kyoto trip' }),
    record('REMOVE', { pk: 'USER#u2', sk: 'NOTE#n2' }),
  ]);
  expect(report).toEqual({ users: 2, changes: 2, rebuilds: 0 });
  expect(apply).toHaveBeenCalledWith('u1', [{ noteId: 'n1', record: { ...note, title: 'Kyoto trip' } }]);
  expect(apply).toHaveBeenCalledWith('u2', [{ noteId: 'n2', record: undefined }]);
});

test('a repair request rebuilds the user, whose note changes in the same batch it then covers', async () => {
  const report = await indexStreamRecords([
    record('INSERT', note),
    record('MODIFY', { pk: 'USER#u1', sk: 'SEARCH', type: 'searchManifest', repairRequested: true, updatedAt: '2026-07-14T00:00:00.000Z' }),
  ]);
  expect(report).toEqual({ users: 1, changes: 0, rebuilds: 1 });
  expect(rebuild).toHaveBeenCalledWith('u1');
  expect(apply).not.toHaveBeenCalled();
});

test("a deleted account's notes leaving, and its repair requests, do not index anything", async () => {
  const report = await indexStreamRecords([
    record('REMOVE', { pk: 'USER#gone', sk: 'NOTE#n1' }),
    record('MODIFY', { pk: 'USER#gone', sk: 'SEARCH', type: 'searchManifest', repairRequested: true }),
    record('REMOVE', { ...note, pk: 'USER#u1' }),
  ]);
  expect(rebuild).not.toHaveBeenCalled();
  expect(apply.mock.calls).toEqual([['u1', [{ noteId: 'n1', record: undefined }]]]);
  expect(report).toEqual({ users: 1, changes: 1, rebuilds: 0 });
});
