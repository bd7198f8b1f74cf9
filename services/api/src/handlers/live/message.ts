// WebSocket $default: keep-alives are counted; a connection that floods is closed.
import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';
import { receiveMessage } from '#domain/live';
import { startInvocation } from '#log';

export async function handler(event: APIGatewayProxyWebsocketEventV2, context?: Context): Promise<APIGatewayProxyResult> {
  startInvocation(context);
  await receiveMessage(event.requestContext.connectionId, event.body);
  return { statusCode: 200, body: '' };
}
