// Web: a production build of web/ (Vite, into bench/node_modules/.cache), its initial JS (the entry chunk and its
// static imports, per .vite/manifest.json) and largest route chunk, gzip; then FCP and LCP of the
// notes page in headless Chromium against `vite preview` and the local API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StackInfo } from '../../../tools/src/testing/stack';
import type { TestUser } from '../../../tools/src/testing/users';
import { median, OUT_DIR, REPO_ROOT } from './metrics';
import { gzipSize } from './zip';

export const WEB_DIR = path.join(REPO_ROOT, 'web');
const viteBin = () =>
  [path.join(WEB_DIR, 'node_modules', '.bin', 'vite'), path.join(REPO_ROOT, 'node_modules', '.bin', 'vite')].find((p) => fs.existsSync(p)) ??
  (() => {
    throw new Error('vite is not installed in web/ (pnpm install)');
  })();

export interface WebEnv {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint?: string;
}

export function webEnvFor(stack: StackInfo): WebEnv {
  return { apiUrl: stack.apiUrl, region: stack.region, userPoolId: stack.userPoolId, userPoolClientId: stack.userPoolClientId, cognitoEndpoint: stack.cognitoEndpoint };
}

/** Placeholder config: the bytes don't depend on the values. */
export const placeholderWebEnv: WebEnv = { apiUrl: 'https://api.example.com/prod', region: 'us-east-1', userPoolId: 'us-east-1_PLACEHOLDR', userPoolClientId: 'placeholderclientid0000000' };

/** `vite build` of web/ into `outDir` with a manifest (web/dist is left alone). */
export function buildWeb(env: WebEnv, outDir = path.join(OUT_DIR, 'web-dist')): string {
  const r = spawnSync(viteBin(), ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      NODE_ENV: 'production',
      VITE_API_URL: env.apiUrl,
      VITE_REGION: env.region,
      VITE_USER_POOL_ID: env.userPoolId,
      VITE_USER_POOL_CLIENT_ID: env.userPoolClientId,
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      ...(env.cognitoEndpoint ? { VITE_COGNITO_ENDPOINT: env.cognitoEndpoint, VITE_LOCAL_STACK: 'true' } : {}),
    },
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  return outDir;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface WebBytes {
  initialGzip: number;
  initialFiles: string[];
  largestRoute: { name: string; gzip: number; files: string[] };
}

/** Initial JS = the entry chunk and everything it imports statically; a route chunk adds its own static imports. */
export function webBytes(distDir: string): WebBytes {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const size = new Map<string, number>();
  const gz = (key: string) => {
    const file = manifest[key]!.file;
    if (!file.endsWith('.js')) return 0;
    if (!size.has(file)) size.set(file, gzipSize(fs.readFileSync(path.join(distDir, file))));
    return size.get(file)!;
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  if (entries.length === 0) throw new Error('the web manifest has no entry chunk');
  const initial = new Set<string>();
  for (const e of entries) closure(e, initial);
  const initialGzip = [...initial].reduce((sum, k) => sum + gz(k), 0);
  let largestRoute = { name: '', gzip: 0, files: [] as string[] };
  // Route chunks: the pages' lazy imports (web/src/app/routes/**); other lazy chunks (e.g. the Cognito
  // library) are reported with them if no route chunk is found.
  const dynamic = Object.entries(manifest).filter(([, c]) => c.isDynamicEntry);
  const routes = dynamic.filter(([, c]) => c.src?.includes('/routes/'));
  for (const [key, chunk] of routes.length ? routes : dynamic) {
    const own = [...closure(key)].filter((k) => !initial.has(k));
    const bytes = own.reduce((sum, k) => sum + gz(k), 0);
    if (bytes > largestRoute.gzip) largestRoute = { name: chunk.src ?? key, gzip: bytes, files: own.map((k) => manifest[k]!.file) };
  }
  return { initialGzip, initialFiles: [...initial].map((k) => manifest[k]!.file), largestRoute };
}

export async function startPreview(distDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(viteBin(), ['preview', '--outDir', distDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: WEB_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on port ${port}: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface PaintResult {
  fcpMs: number;
  lcpMs: number;
  runs: number;
  lcpElements: string[];
}

const observeScript = `
  window.__paint = { fcp: null, lcp: null, lcpElement: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__paint.lcp = e.renderTime || e.loadTime || e.startTime;
      const el = e.element;
      window.__paint.lcpElement = el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

/**
 * Median FCP/LCP of the signed-in notes page (/notes, the list from the API) and, as the baseline,
 * of the sign-in page (no session, no API call), each loaded `runs` times in a fresh context
 * (empty cache), alternating. The session comes from one real sign-in through the UI.
 */
export async function measurePaint(webUrl: string, user: TestUser, runs = 5): Promise<{ notes: PaintResult; signIn: PaintResult }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { launch, newPage, viewports } = require('../../../web/e2e/browser') as typeof import('../../../web/e2e/browser');
  const browser = await launch();
  try {
    const { context, page } = await newPage(browser, viewports.desktop);
    await page.goto(`${webUrl}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForURL('**/notes');
    const storageState = await context.storageState();
    await context.close();

    type Page = Awaited<ReturnType<typeof newPage>>['page'];
    const pages = {
      notes: { path: '/notes', signedIn: true, ready: (p: Page) => p.getByRole('list', { name: 'Notes' }).getByRole('link').first().waitFor() },
      signIn: { path: '/sign-in', signedIn: false, ready: (p: Page) => p.getByLabel('Password', { exact: true }).waitFor() },
    };
    const samples = { notes: [] as Array<{ fcp: number; lcp: number; el: string }>, signIn: [] as Array<{ fcp: number; lcp: number; el: string }> };
    for (let i = 0; i < runs; i++) {
      for (const name of ['notes', 'signIn'] as const) {
        const spec = pages[name];
        const ctx = await browser.newContext({ viewport: viewports.desktop, deviceScaleFactor: 1, colorScheme: 'light', ...(spec.signedIn ? { storageState } : {}) });
        try {
          await ctx.addInitScript(observeScript);
          const p = await ctx.newPage();
          p.setDefaultTimeout(15_000);
          await p.goto(`${webUrl}${spec.path}`, { waitUntil: 'load' });
          await spec.ready(p);
          // Let the last paint land before reading LCP.
          await p.waitForTimeout(500);
          const r = (await p.evaluate('window.__paint')) as { fcp: number | null; lcp: number | null; lcpElement: string | null };
          if (r.fcp === null || r.lcp === null) throw new Error(`no paint entries for ${spec.path} on run ${i + 1}: ${JSON.stringify(r)}`);
          samples[name].push({ fcp: r.fcp, lcp: r.lcp, el: r.lcpElement ?? '?' });
        } finally {
          await ctx.close();
        }
      }
    }
    const summary = (s: Array<{ fcp: number; lcp: number; el: string }>): PaintResult => ({
      fcpMs: median(s.map((x) => x.fcp)),
      lcpMs: median(s.map((x) => x.lcp)),
      runs: s.length,
      lcpElements: [...new Set(s.map((x) => x.el))],
    });
    return { notes: summary(samples.notes), signIn: summary(samples.signIn) };
  } finally {
    await browser.close();
  }
}
