// The reference handler: the floor for a DynamoDB-backed function. One raw @aws-sdk/client-dynamodb
// GetItem, client created at init, bundled exactly like the api's functions (bench/src/lib/bundles.ts).
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient({ region: process.env.AWS_REGION ?? 'us-east-1', ...(endpoint ? { endpoint } : {}) });

export async function handler(event: { pathParameters?: { noteId?: string } | null; requestContext?: { authorizer?: { sub?: string } | null } }) {
  const sub = event.requestContext?.authorizer?.sub ?? 'nobody';
  const noteId = event.pathParameters?.noteId ?? 'none';
  const result = await client.send(
    new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: `USER#${sub}` }, sk: { S: `NOTE#${noteId}` } } }),
  );
  return { statusCode: result.Item ? 200 : 404, body: JSON.stringify({ found: Boolean(result.Item) }) };
}
