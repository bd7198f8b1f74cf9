import { marshall } from '@aws-sdk/util-dynamodb';
import { setFunctionTestEnv } from '../test-env';
import { liveEventsOf, tokenFromProtocols, type LiveStreamRecord } from './live';

setFunctionTestEnv();

const note = (patch: Record<string, unknown> = {}) => ({ pk: 'USER#alice', sk: 'NOTE#n1', type: 'note', ownerId: 'alice', noteId: 'n1', state: 'active', title: 't', content: 'secret', version: 1, updatedAt: '2026-01-01T00:00:00.000Z', ...patch });
const record = (eventName: LiveStreamRecord['eventName'], before?: Record<string, unknown>, after?: Record<string, unknown>): LiveStreamRecord => {
  const item = (after ?? before)!;
  return {
    eventName,
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }),
      ...(before ? { OldImage: marshall(before) } : {}),
      ...(after ? { NewImage: marshall(after) } : {}),
    },
  };
};

test('note writes become their owner’s events in stream order, without content', () => {
  const events = liveEventsOf([
    record('INSERT', undefined, note()),
    record('MODIFY', note(), note({ version: 2 })),
    record('MODIFY', note({ version: 2 }), note({ version: 2, state: 'trash' })),
    record('MODIFY', note({ version: 2, state: 'trash' }), note({ version: 2 })),
    record('REMOVE', note({ version: 2, state: 'trash' })),
    record('INSERT', undefined, note({ pk: 'USER#bob', sk: 'NOTE#n2', ownerId: 'bob', noteId: 'n2' })),
  ]);
  expect([...events.keys()]).toEqual(['alice', 'bob']);
  expect(events.get('alice')!.map((e) => [e.type, e.version])).toEqual([
    ['note.created', 1],
    ['note.updated', 2],
    ['note.deleted', 2],
    ['note.restored', 2],
    ['note.deleted', 2],
  ]);
  expect(JSON.stringify([...events.values()])).not.toContain('secret');
});

test('other items of the table produce nothing, nor does a change inside the trash', () => {
  expect(
    liveEventsOf([
      record('MODIFY', { pk: 'USER#alice', sk: 'QUOTA#notes', used: 1 }, { pk: 'USER#alice', sk: 'QUOTA#notes', used: 2 }),
      record('INSERT', undefined, { pk: 'USER#alice', sk: 'TAG#x#n1', type: 'noteTag' }),
      record('INSERT', undefined, { pk: 'USER#alice', sk: 'CONN#c1', connectionId: 'c1' }),
      record('INSERT', undefined, { pk: 'CONN#c1', sk: 'CONN', ownerId: 'alice' }),
      record('MODIFY', { pk: 'USER#alice', sk: 'SEARCH', version: 1 }, { pk: 'USER#alice', sk: 'SEARCH', version: 2 }),
      record('MODIFY', note({ state: 'trash' }), note({ state: 'trash', shareCount: 0 })),
    ]).size,
  ).toBe(0);
});

test('the token is the second of exactly two subprotocols, the first ours', () => {
  expect(tokenFromProtocols({ 'Sec-WebSocket-Protocol': 'jotter, a.b.c' })).toBe('a.b.c');
  expect(tokenFromProtocols({ 'sec-websocket-protocol': 'jotter,a.b.c' })).toBe('a.b.c');
  expect(tokenFromProtocols({ 'Sec-WebSocket-Protocol': 'other, a.b.c' })).toBeUndefined();
  expect(tokenFromProtocols({ 'Sec-WebSocket-Protocol': 'jotter' })).toBeUndefined();
  expect(tokenFromProtocols({ 'Sec-WebSocket-Protocol': 'jotter, a, b' })).toBeUndefined();
  expect(tokenFromProtocols(undefined)).toBeUndefined();
});
