// API Gateway's side of run-time API keys (AWS only). API Gateway meters /v1 through a usage plan
// (per-key throttle, backstop quota), which only knows keys registered with it: each key we create
// is also created there with the same value and attached to the plan; revoking deletes it.
// The plan is found by name because its id cannot reach the functions' environment without a
// CloudFormation cycle (function -> usage plan -> deployment -> method -> function).
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { config } from '#config';
import { awsClientConfig } from './aws';

let client: APIGatewayClient | undefined;
let planId: Promise<string> | undefined;

function gateway(): APIGatewayClient {
  client ??= new APIGatewayClient(awsClientConfig());
  return client;
}

async function findUsagePlanId(name: string): Promise<string> {
  let position: string | undefined;
  do {
    const page = await gateway().send(new GetUsagePlansCommand({ position, limit: 500 }));
    const plan = page.items?.find((p) => p.name === name);
    if (plan?.id) return plan.id;
    position = page.position;
  } while (position);
  throw new Error(`API Gateway usage plan "${name}" was not found`);
}

/** True where keys must be registered with API Gateway (a usage plan is configured). */
export function gatewayKeysEnabled(): boolean {
  return Boolean(config().usagePlanName);
}

/** Creates the API Gateway key with our value and attaches it to the usage plan; returns its id. */
export async function registerGatewayKey(keyId: string, value: string): Promise<string> {
  const name = config().usagePlanName;
  if (!name) throw new Error('No usage plan is configured');
  planId ??= findUsagePlanId(name).catch((error: unknown) => {
    planId = undefined;
    throw error;
  });
  const key = await gateway().send(new CreateApiKeyCommand({ name: `jotter-${keyId}`, value, enabled: true }));
  if (!key.id) throw new Error('API Gateway returned no key id');
  try {
    await gateway().send(new CreateUsagePlanKeyCommand({ usagePlanId: await planId, keyId: key.id, keyType: 'API_KEY' }));
  } catch (error) {
    await removeGatewayKey(key.id);
    throw error;
  }
  return key.id;
}

/** Deleting an API key also removes it from its usage plans. A key that is already gone is fine. */
export async function removeGatewayKey(gatewayKeyId: string): Promise<void> {
  await gateway()
    .send(new DeleteApiKeyCommand({ apiKey: gatewayKeyId }))
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'NotFoundException')) throw error;
    });
}
