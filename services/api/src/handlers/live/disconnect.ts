// WebSocket $disconnect: the connection's items go (their TTL covers a disconnect that never comes).
import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { closedConnection } from '#domain/live';
import { startInvocation } from '#log';

export async function handler(event: APIGatewayProxyWebsocketEventV2, context?: Context): Promise<APIGatewayProxyResult> {
  startInvocation(context);
  await closedConnection(event.requestContext.connectionId);
  return { statusCode: 200, body: '' };
}
