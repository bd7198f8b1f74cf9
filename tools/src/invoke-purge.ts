/**
 * `pnpm invoke:purge`: runs the daily trash purge now against the running `pnpm dev` stack, with
 * the event EventBridge would send, through serverless-offline's Lambda invoke API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { StackInfo } from './stack';
import { LOCAL_CREDENTIALS } from './stack/config';

async function main(): Promise<void> {
  const stackFile = process.env.JOTTER_STACK_FILE ?? path.join(__dirname, '..', '..', '.dev', 'stack.json');
  if (!fs.existsSync(stackFile)) throw new Error(`No running stack (${stackFile} is missing): start it with \`pnpm dev\`.`);
  const stack = JSON.parse(fs.readFileSync(stackFile, 'utf8')) as StackInfo;
  const lambda = new LambdaClient({
    endpoint: stack.lambdaEndpoint,
    region: stack.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const event = {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    time: new Date().toISOString(),
    region: stack.region,
    resources: [],
    detail: {},
  };
  const result = await lambda.send(
    new InvokeCommand({ FunctionName: `jotter-api-${stack.stage}-purgeTrash`, Payload: Buffer.from(JSON.stringify(event)) }),
  );
  const payload = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
  if (result.FunctionError) throw new Error(`purgeTrash failed: ${payload}`);
  console.log(`purgeTrash: ${payload}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
