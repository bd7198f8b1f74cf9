import { LiveSync, reconnectDelay } from './live-sync';

/** A WebSocket stand-in the test opens, feeds and closes. */
class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  sent: string[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.();
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  jest.useFakeTimers();
  FakeSocket.made = [];
});
afterEach(() => jest.useRealTimers());

function running() {
  const onEvent = jest.fn();
  const onReconnected = jest.fn();
  const sync = new LiveSync({
    url: 'ws://live',
    getAccessToken: async () => 'token',
    onEvent,
    onReconnected,
    createSocket: (url, protocols) => new FakeSocket(url, protocols) as unknown as WebSocket,
    random: () => 0.5,
  });
  sync.start();
  return { sync, onEvent, onReconnected };
}

test('backoff doubles from 1 s up to 30 s, each a random part of it', () => {
  expect(reconnectDelay(0, () => 1)).toBe(1_000);
  expect(reconnectDelay(3, () => 1)).toBe(8_000);
  expect(reconnectDelay(10, () => 1)).toBe(30_000);
  expect(reconnectDelay(3, () => 0.25)).toBe(2_000);
});

test('connects with the token as subprotocol, passes on note events only, and catches up after a reconnect', async () => {
  const { sync, onEvent, onReconnected } = running();
  await settle();
  const first = FakeSocket.made[0]!;
  expect(first.protocols).toEqual(['jotter', 'token']);
  expect(sync.getState().status).toBe('connecting');
  first.onopen!();
  expect(sync.getState().status).toBe('live');
  expect(onReconnected).not.toHaveBeenCalled();

  const event = { type: 'note.updated', noteId: 'n1', version: 2, updatedAt: '2026-01-01T00:00:00.000Z' };
  first.onmessage!({ data: JSON.stringify(event) });
  first.onmessage!({ data: '{"message":"Internal server error"}' });
  first.onmessage!({ data: 'not json' });
  expect(onEvent.mock.calls).toEqual([[event]]);

  first.close();
  expect(sync.getState().status).toBe('reconnecting');
  jest.advanceTimersByTime(500); // 0.5 × 1 s
  await settle();
  FakeSocket.made[1]!.onopen!();
  expect(sync.getState().status).toBe('live');
  expect(onReconnected).toHaveBeenCalledTimes(1);

  sync.stop();
  expect(sync.getState().status).toBe('off');
  jest.advanceTimersByTime(60_000);
  expect(FakeSocket.made).toHaveLength(2);
});
