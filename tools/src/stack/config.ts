import path from 'node:path';

/** The monorepo root (tools/src/stack → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const STAGE = 'dev';
export const REGION = 'us-east-1';
export const API_SERVICE = 'jotter-api';

export interface StackPorts {
  dynamodb: number;
  cognito: number;
  s3: number;
  /** Public API port: the gateway proxy in front of serverless-offline. */
  api: number;
  /** serverless-offline's own HTTP port (behind the gateway proxy). */
  offline: number;
  /** serverless-offline's Lambda invoke API. */
  lambda: number;
  /** serverless-offline's WebSocket API (live sync) and its management API. */
  websocket: number;
  web: number;
}

export interface PortSpec {
  key: keyof StackPorts;
  envVar: string;
  defaultPort: number;
  label: string;
}

export const PORT_SPECS: readonly PortSpec[] = [
  { key: 'dynamodb', envVar: 'JOTTER_DYNAMODB_PORT', defaultPort: 8000, label: 'DynamoDB Local' },
  { key: 'cognito', envVar: 'JOTTER_COGNITO_PORT', defaultPort: 9229, label: 'cognito-local' },
  { key: 's3', envVar: 'JOTTER_S3_PORT', defaultPort: 4569, label: 'S3 (s3rver)' },
  { key: 'api', envVar: 'JOTTER_API_PORT', defaultPort: 3000, label: 'API gateway proxy' },
  { key: 'offline', envVar: 'JOTTER_OFFLINE_PORT', defaultPort: 3003, label: 'serverless-offline HTTP' },
  { key: 'lambda', envVar: 'JOTTER_LAMBDA_PORT', defaultPort: 3002, label: 'serverless-offline Lambda invoke' },
  { key: 'websocket', envVar: 'JOTTER_WEBSOCKET_PORT', defaultPort: 3001, label: 'serverless-offline WebSocket' },
  { key: 'web', envVar: 'JOTTER_WEB_PORT', defaultPort: 5173, label: 'Vite web' },
];

export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): StackPorts {
  const ports = {} as StackPorts;
  for (const spec of PORT_SPECS) {
    const raw = env[spec.envVar];
    const value = raw === undefined || raw === '' ? spec.defaultPort : Number(raw);
    if (!Number.isInteger(value) || value <= 0 || value > 65535) {
      throw new Error(`${spec.envVar}=${raw} is not a valid port number.`);
    }
    ports[spec.key] = value;
  }
  return ports;
}

/** Shorthand for the local URLs derived from the ports. */
export function endpoints(ports: StackPorts) {
  return {
    dynamodb: `http://127.0.0.1:${ports.dynamodb}`,
    cognito: `http://127.0.0.1:${ports.cognito}`,
    s3: `http://127.0.0.1:${ports.s3}`,
    lambda: `http://127.0.0.1:${ports.lambda}`,
    offline: `http://127.0.0.1:${ports.offline}`,
    /** Clients connect here; functions post to connections at the same address (no stage in the path). */
    websocket: `ws://127.0.0.1:${ports.websocket}`,
    websocketManagement: `http://127.0.0.1:${ports.websocket}`,
    api: `http://localhost:${ports.api}/${STAGE}`,
    webOrigin: `http://localhost:${ports.web}`,
    webOriginIp: `http://127.0.0.1:${ports.web}`,
  };
}

/** Credentials the emulators accept (s3rver insists on S3RVER; the others take anything). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
