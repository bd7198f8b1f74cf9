// A live-sync client for tests and the bench (docs/live-sync.md): a WebSocket on the stack's wsUrl,
// opened with an access token the way the web app opens it, collecting the events it is sent.
import WebSocket from 'ws';
import { isLiveEvent, liveProtocols, type LiveEvent } from '@jotter/shared/live';
import type { StackInfo } from './stack';

export interface LiveClient {
  /** Every event received so far, in arrival order, with its arrival time (ms since the epoch). */
  events: (LiveEvent & { receivedAt: number })[];
  /** Resolves when the server closes the connection (or `close` is called). */
  closed: Promise<{ code: number }>;
  /** Resolves once `count` events have arrived; rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<void>;
  send(message: string): void;
  close(): Promise<void>;
}

/** Opens a connection; rejects with the HTTP status when the server refuses it. */
export function openLive(stack: Pick<StackInfo, 'wsUrl'>, accessToken: string | undefined): Promise<LiveClient> {
  const socket = new WebSocket(stack.wsUrl, accessToken === undefined ? [] : liveProtocols(accessToken));
  const events: LiveClient['events'] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    const event: unknown = JSON.parse(String(data));
    if (!isLiveEvent(event)) throw new Error(`not a live event: ${String(data)}`);
    events.push({ ...event, receivedAt: Date.now() });
    for (const waiter of waiters) waiter();
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.once('close', (code) => resolve({ code })));
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        events,
        closed,
        send: (message) => socket.send(message),
        close: async () => {
          socket.close();
          await closed;
        },
        waitForEvents: (count, timeoutMs = 10_000) =>
          new Promise<void>((done, fail) => {
            const check = () => {
              if (events.length < count) return;
              waiters.delete(check);
              clearTimeout(timer);
              done();
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`${events.length} of ${count} events within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      }),
    );
  });
}
