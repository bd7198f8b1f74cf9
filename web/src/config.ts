/**
 * The app's one configuration module. Everything the build gets from the stage (API URL, pool ids,
 * region, auth flow) is read here, validated once at start-up, and exported typed.
 *
 * `import.meta.env` is touched only in this file: Jest cannot parse `import.meta`, so component
 * tests mock this module (or call `parseConfig` with a plain object).
 */

export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

export interface AppConfig {
  /** Base URL of the REST API, without a trailing slash: `/api` (same origin) when deployed. */
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Only set locally: the Cognito emulator's URL. */
  cognitoEndpoint: string | undefined;
  authFlow: AuthFlow;
  /** True when running against the local stack (`pnpm dev`). */
  localStack: boolean;
  /** Live sync's WebSocket API; undefined: no live updates (the app works as before). */
  wsUrl: string | undefined;
}

type Env = Record<string, string | boolean | undefined>;

const required = ['VITE_API_URL', 'VITE_REGION', 'VITE_USER_POOL_ID', 'VITE_USER_POOL_CLIENT_ID', 'VITE_AUTH_FLOW'] as const;
const authFlows: readonly AuthFlow[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const str = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** Validates the raw environment; throws one error naming every missing or invalid variable. */
export function parseConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const missing = required.filter((name) => str(env, name) === undefined);
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);

  const authFlow = str(env, 'VITE_AUTH_FLOW');
  if (authFlow !== undefined && !authFlows.includes(authFlow as AuthFlow)) {
    problems.push(`VITE_AUTH_FLOW must be one of ${authFlows.join(' | ')} (got "${authFlow}")`);
  }
  const apiUrl = str(env, 'VITE_API_URL');
  if (apiUrl !== undefined && !/^(https?:\/\/\S+|\/[^\s/]\S*)$/.test(apiUrl)) problems.push(`VITE_API_URL must be an http(s) URL or a path such as /api (got "${apiUrl}")`);
  const cognitoEndpoint = str(env, 'VITE_COGNITO_ENDPOINT');
  if (cognitoEndpoint !== undefined && !/^https?:\/\/\S+$/.test(cognitoEndpoint)) problems.push(`VITE_COGNITO_ENDPOINT must be an http(s) URL (got "${cognitoEndpoint}")`);
  const wsUrl = str(env, 'VITE_WS_URL');
  if (wsUrl !== undefined && !/^wss?:\/\/\S+$/.test(wsUrl)) problems.push(`VITE_WS_URL must be a ws(s) URL (got "${wsUrl}")`);
  const local = str(env, 'VITE_LOCAL_STACK');
  if (local !== undefined && local !== 'true' && local !== 'false') problems.push(`VITE_LOCAL_STACK must be "true" or "false"`);

  if (problems.length > 0) {
    throw new ConfigError(`Jotter web config is invalid: ${problems.join('; ')}. Set them in the environment or web/.env.local (see web/.env.example).`);
  }

  return {
    apiUrl: str(env, 'VITE_API_URL')!.replace(/\/+$/, ''),
    region: str(env, 'VITE_REGION')!,
    userPoolId: str(env, 'VITE_USER_POOL_ID')!,
    userPoolClientId: str(env, 'VITE_USER_POOL_CLIENT_ID')!,
    cognitoEndpoint: str(env, 'VITE_COGNITO_ENDPOINT'),
    authFlow: authFlow as AuthFlow,
    localStack: local === 'true',
    wsUrl,
  };
}

function load(): AppConfig {
  try {
    return parseConfig(import.meta.env as unknown as Env);
  } catch (error) {
    // Fail loudly: on the page as well as in the console, not as a blank screen.
    if (typeof document !== 'undefined') {
      const pre = document.createElement('pre');
      pre.setAttribute('role', 'alert');
      pre.style.cssText = 'margin:2rem;padding:1rem;white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;color:#b42318;background:#fef3f2;border-radius:8px';
      pre.textContent = String((error as Error).message);
      document.body.prepend(pre);
    }
    throw error;
  }
}

export const config: AppConfig = load();
