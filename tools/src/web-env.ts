// The web app's build-time config as Vite reads it (VITE_* variables), for a deployed build
// (deploy/publish-web.ts) and for the local stack's dev server (stack/index.ts) alike.

/** The web app's build-time config, one value per VITE_* variable. */
export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  authFlow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
  /** Empty on AWS (the SDK's regional endpoint); the emulator's URL locally. */
  cognitoEndpoint: string;
  /** Live sync's WebSocket API (docs/live-sync.md); empty: the app runs without live updates. */
  wsUrl: string;
}

/** Where the SPA finds the API: its own origin (CloudFront's /api/* behavior on AWS, Vite's proxy locally). */
export const sameOriginApiPath = '/api';

export function webBuildEnv(config: WebConfig, options: { localStack?: boolean } = {}): Record<string, string> {
  return {
    VITE_API_URL: config.apiUrl,
    VITE_REGION: config.region,
    VITE_USER_POOL_ID: config.userPoolId,
    VITE_USER_POOL_CLIENT_ID: config.userPoolClientId,
    VITE_AUTH_FLOW: config.authFlow,
    VITE_COGNITO_ENDPOINT: config.cognitoEndpoint,
    VITE_WS_URL: config.wsUrl,
    // Always explicit, so a developer's web/.env.local (loaded by Vite in every mode) cannot turn a
    // deployed build into a local-stack one.
    VITE_LOCAL_STACK: String(options.localStack ?? false),
  };
}
