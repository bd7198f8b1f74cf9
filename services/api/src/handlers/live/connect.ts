// WebSocket $connect: the access token arrives as a subprotocol (domain/live.ts); the answer must
// name the subprotocol the server chose, or browsers drop the connection.
import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { liveSubprotocol } from '@jotter/shared/live';
import { openConnection } from '#domain/live';
import { startInvocation } from '#log';

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { headers?: Record<string, string | undefined> };

export async function handler(event: ConnectEvent, context?: Context): Promise<APIGatewayProxyResult> {
  startInvocation(context);
  const outcome = await openConnection(event.requestContext.connectionId, event.headers);
  if (outcome === 'refused') return { statusCode: 401, body: '' };
  return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': liveSubprotocol }, body: '' };
}
