// Live sync (docs/live-sync.md): the table's stream → note events → every open WebSocket connection
// of the note's owner, through API Gateway's management API. Connections are opened with the
// access token and verified by the same verifier as the REST authorizer.
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { liveMessagesPerSecond, livePing, liveSubprotocol, type LiveEvent, type LiveEventType } from '@jotter/shared/live';
import { noteKeys } from '@jotter/shared/server/keys';
import type { NoteRecord } from '@jotter/shared/server/models';
import { config, optionalUrl } from '#config';
import { createAccessTokenVerifier, InvalidTokenError } from '#auth/verify-access-token';
import { describeError, log } from '#log';
import { awsClientConfig } from './aws';
import { connectionsOf, countMessage, removeConnection, saveConnection, type Connection } from './connections';

/** A record of the table's stream, as Lambda delivers it (the parts live sync reads). */
export interface LiveStreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { Keys?: Record<string, unknown>; NewImage?: Record<string, unknown>; OldImage?: Record<string, unknown> };
}

type NoteImage = Pick<NoteRecord, 'ownerId' | 'noteId' | 'state' | 'version' | 'updatedAt'>;
const image = (value: Record<string, unknown> | undefined) => (value ? (unmarshall(value as Record<string, AttributeValue>) as Partial<NoteImage>) : undefined);

/** What a write of a note means to its owner's other devices (undefined: nothing they show changed). */
export function eventType(eventName: LiveStreamRecord['eventName'], before: Partial<NoteImage> | undefined, after: Partial<NoteImage> | undefined): LiveEventType | undefined {
  if (eventName === 'REMOVE') return 'note.deleted';
  if (!after) return undefined;
  if (eventName === 'INSERT') return after.state === 'active' ? 'note.created' : undefined;
  if (before?.state === 'active' && after.state === 'trash') return 'note.deleted';
  if (before?.state === 'trash' && after.state === 'active') return 'note.restored';
  return after.state === 'active' ? 'note.updated' : undefined;
}

/**
 * A batch of stream records → each owner's note events, in stream order (DynamoDB keeps the
 * records of one item in order, and so does this). Other items (tags, quotas, shares, the
 * connections themselves) produce nothing.
 */
export function liveEventsOf(records: LiveStreamRecord[]): Map<string, LiveEvent[]> {
  const byOwner = new Map<string, LiveEvent[]>();
  for (const record of records) {
    const keys = image(record.dynamodb?.Keys) as { pk?: string; sk?: string } | undefined;
    if (!keys?.pk?.startsWith(noteKeys.pk('')) || !keys.sk?.startsWith(noteKeys.sk(''))) continue;
    const before = image(record.dynamodb?.OldImage);
    const after = image(record.dynamodb?.NewImage);
    const type = eventType(record.eventName, before, after);
    const note = after ?? before;
    if (!type || !note?.noteId || typeof note.version !== 'number' || !note.updatedAt) continue;
    const sub = keys.pk.slice(noteKeys.pk('').length);
    const events = byOwner.get(sub) ?? [];
    events.push({ type, noteId: note.noteId, version: note.version, updatedAt: note.updatedAt });
    byOwner.set(sub, events);
  }
  return byOwner;
}

let management: ApiGatewayManagementApiClient | undefined;
function managementApi(): ApiGatewayManagementApiClient {
  // Read here, not in config(): only the two functions that post have it, and every other bundle
  // (some at their size budget) would carry the line.
  const liveEndpoint = optionalUrl(process.env, 'LIVE_ENDPOINT');
  if (!liveEndpoint) throw new Error('LIVE_ENDPOINT is not set: this function cannot reach the WebSocket API');
  const base = awsClientConfig(liveEndpoint);
  // A batch posts to every connection of its users at once: the SDK's default of 50 sockets would
  // queue the rest, and a queued request's connection timeout runs while it waits.
  const agent = { keepAlive: true, maxSockets: 500 };
  management ??= new ApiGatewayManagementApiClient({ ...base, requestHandler: { ...base.requestHandler, httpAgent: agent, httpsAgent: agent } });
  return management;
}

const isGone = (error: unknown) => error instanceof Error && (error.name === 'GoneException' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410);

/** Closes a connection; API Gateway then runs $disconnect, which removes its items. */
async function closeConnection(connectionId: string): Promise<void> {
  try {
    await managementApi().send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
  } catch (error) {
    if (!isGone(error)) throw error;
    await removeConnection(connectionId);
  }
}

/** Sends a connection its events in order; a connection that is gone (410) is removed. */
async function pushTo(sub: string, connection: Connection, events: LiveEvent[], nowMs: number): Promise<'sent' | 'gone' | 'closed'> {
  if (connection.tokenExp * 1000 <= nowMs) {
    // Its token has expired: the client reconnects with a fresh one (and catches up).
    await closeConnection(connection.connectionId);
    return 'closed';
  }
  for (const event of events) {
    try {
      await managementApi().send(new PostToConnectionCommand({ ConnectionId: connection.connectionId, Data: JSON.stringify(event) }));
    } catch (error) {
      if (!isGone(error)) throw error;
      await removeConnection(connection.connectionId, sub);
      return 'gone';
    }
  }
  return 'sent';
}

/**
 * Pushes each owner's events to all of their open connections: one Query per owner and batch,
 * connections in parallel, each connection's events one after another (per-note order). A
 * connection that cannot be reached is logged and skipped, not retried: retrying the batch would
 * repeat the events to every other connection, and a client catches up when it reconnects.
 */
export async function pushLiveEvents(byOwner: Map<string, LiveEvent[]>, nowMs = Date.now()): Promise<{ users: number; events: number; sent: number; gone: number }> {
  const outcome = { users: byOwner.size, events: 0, sent: 0, gone: 0 };
  await Promise.all(
    [...byOwner].map(async ([sub, events]) => {
      outcome.events += events.length;
      const connections = await connectionsOf(sub, nowMs);
      await Promise.all(
        connections.map(async (connection) => {
          try {
            const result = await pushTo(sub, connection, events, nowMs);
            if (result === 'sent') outcome.sent += events.length;
            else outcome.gone++;
          } catch (error) {
            log.warn('live event not delivered', { connectionId: connection.connectionId, ...describeError(error) });
          }
        }),
      );
    }),
  );
  return outcome;
}

let verify: ReturnType<typeof createAccessTokenVerifier> | undefined;

/** `Sec-WebSocket-Protocol: jotter, <token>` → the token (header names are case-insensitive). */
export function tokenFromProtocols(headers: Record<string, string | undefined> | null | undefined): string | undefined {
  const header = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'sec-websocket-protocol')?.[1];
  const [protocol, token, ...rest] = (header ?? '').split(',').map((part) => part.trim());
  return protocol === liveSubprotocol && token && rest.length === 0 ? token : undefined;
}

/** $connect: a verified token opens a connection of its user; anything else is refused. */
export async function openConnection(connectionId: string, headers: Record<string, string | undefined> | null | undefined): Promise<'open' | 'refused'> {
  const token = tokenFromProtocols(headers);
  if (!token) return 'refused';
  const { cognitoIssuer, cognitoClientId } = config();
  verify ??= createAccessTokenVerifier({ issuer: cognitoIssuer, clientId: cognitoClientId });
  try {
    const claims = await verify(token);
    await saveConnection(claims.sub, { connectionId, tokenExp: claims.exp });
    return 'open';
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    log.warn('live connection refused', describeError(error));
    return 'refused';
  }
}

export const closedConnection = (connectionId: string) => removeConnection(connectionId);

/**
 * $default: the only message a client sends is a keep-alive. A connection that sends more than a
 * few messages a second (counted on its item, not in memory: each message may reach another
 * Lambda instance) is closed.
 */
export async function receiveMessage(connectionId: string, body: string | undefined): Promise<'ok' | 'closed'> {
  if (await countMessage(connectionId, liveMessagesPerSecond)) {
    if (body !== livePing) log.info('live message ignored', { connectionId, bytes: body?.length ?? 0 });
    return 'ok';
  }
  log.warn('live connection closed: too many messages', { connectionId });
  await closeConnection(connectionId);
  return 'closed';
}
