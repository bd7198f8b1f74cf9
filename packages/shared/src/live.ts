// Live sync (docs/live-sync.md): what the WebSocket API pushes to a user's open connections, and
// how a client connects. Shared by the fan-out function, the web app and the tests.

export const liveEventTypes = ['note.created', 'note.updated', 'note.deleted', 'note.restored'] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/** One change of one note. Never its content: a client fetches what it needs. */
export interface LiveEvent {
  type: LiveEventType;
  noteId: string;
  version: number;
  updatedAt: string;
}

/**
 * Browsers cannot set headers on a WebSocket, so the access token travels as the second entry of
 * `Sec-WebSocket-Protocol` (`jotter, <token>`): never in the URL, so never in an access log. The
 * server answers with `jotter` alone.
 */
export const liveSubprotocol = 'jotter';
export const liveProtocols = (accessToken: string): string[] => [liveSubprotocol, accessToken];

/** The one message a client sends: a keep-alive inside API Gateway's 10-minute idle timeout. */
export const livePing = 'ping';
/** Messages per second a connection may send; more and it is closed. */
export const liveMessagesPerSecond = 5;

export function isLiveEvent(value: unknown): value is LiveEvent {
  const event = value as Partial<LiveEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    liveEventTypes.includes(event.type as LiveEventType) &&
    typeof event.noteId === 'string' &&
    typeof event.version === 'number' &&
    typeof event.updatedAt === 'string'
  );
}
