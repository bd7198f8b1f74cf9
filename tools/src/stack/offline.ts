import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, REGION, STAGE, LOCAL_CREDENTIALS } from './config';
import { spawnChild, waitUntil, type StackChild } from './child';
import { paramArgs, serverlessBin, serverlessEnv } from './definitions';
import type { StackLogger } from './logs';

export const API_DIR = path.join(REPO_ROOT, 'services', 'api');
export const AUTH_DIR = path.join(REPO_ROOT, 'services', 'auth');
export const WEB_DIR = path.join(REPO_ROOT, 'web');

export async function startOffline(opts: {
  offlinePort: number;
  lambdaPort: number;
  websocketPort: number;
  params: Record<string, string>;
  /** Run handlers inside serverless-offline's process (no worker thread per concurrent call). */
  inProcess: boolean;
  logger: StackLogger;
  track: (c: StackChild) => void;
}): Promise<StackChild> {
  const child = spawnChild(
    'api',
    serverlessBin,
    [
      'offline',
      'start',
      '--stage',
      STAGE,
      '--httpPort',
      String(opts.offlinePort),
      '--lambdaPort',
      String(opts.lambdaPort),
      '--websocketPort',
      String(opts.websocketPort),
      '--host',
      '127.0.0.1',
      ...paramArgs(opts.params),
      ...(opts.inProcess ? ['--useInProcess'] : []),
    ],
    {
      cwd: API_DIR,
      env: {
        ...serverlessEnv,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_REGION: REGION,
      },
    },
    opts.logger,
  );
  opts.track(child);
  const health = `http://127.0.0.1:${opts.offlinePort}/${STAGE}/health`;
  // Loading the framework and bundling ~25 functions takes ~20 s on a quiet machine and minutes on
  // a saturated CI box: the bound is for a hung start, not a slow one.
  await waitUntil('serverless-offline', async () => (await fetch(health)).ok, { child, timeoutMs: 240_000, intervalMs: 250 });
  return child;
}

/** Vite's bin: hoisted to the root, or (pnpm default) only in web/node_modules. */
export function viteBin(): string | undefined {
  return [path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), path.join(WEB_DIR, 'node_modules', '.bin', 'vite')].find((p) =>
    fs.existsSync(p),
  );
}

export async function startVite(opts: {
  port: number;
  env: Record<string, string>;
  logger: StackLogger;
  track: (c: StackChild) => void;
}): Promise<StackChild | undefined> {
  const log = (l: string) => opts.logger.line('web', l);
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    log('web/index.html does not exist yet: the web app is not started.');
    return undefined;
  }
  const bin = viteBin();
  if (!bin) {
    log('vite is not installed (run `pnpm install`): the web app is not started.');
    return undefined;
  }
  const child = spawnChild('web', bin, ['--port', String(opts.port), '--strictPort', '--host', '127.0.0.1'], { cwd: WEB_DIR, env: opts.env }, opts.logger);
  opts.track(child);
  await waitUntil('Vite', async () => (await fetch(`http://127.0.0.1:${opts.port}/`)).status < 500, { child, timeoutMs: 60_000, intervalMs: 200 });
  return child;
}
