// Web: a production build of web/ (Vite, into bench/node_modules/.cache), its initial JS (the entry chunk and its
// static imports, per .vite/manifest.json) and largest route chunk, gzip; then cold loads of the
// sign-in and notes pages in headless Chromium against `vite preview` and the local API, with and
// without CPU/network throttling (Chrome DevTools Protocol through playwright-core).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StackInfo } from '@jotter/tools/testing/stack';
import type { TestUser } from '@jotter/tools/testing/users';
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
  /** Initial JS plus the modules index.html preloads for the first page (the landing chunk). */
  firstPaintGzip: number;
  firstPaintFiles: string[];
  /** What index.html asks for before anything runs: scripts, module preloads, stylesheets. */
  htmlRequests: string[];
  largestRoute: { name: string; gzip: number; files: string[] };
  /** The public share page (/s/:token): what it loads beyond the initial JS. */
  sharePage: { gzip: number; files: string[] };
}

/** The source of the share page's lazy chunk (web/src/app/router.tsx). */
const SHARE_PAGE_SRC = 'src/features/shares/public/share-page.tsx';

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
  const shareKey = Object.keys(manifest).find((k) => manifest[k]!.src === SHARE_PAGE_SRC);
  if (!shareKey) throw new Error(`no chunk for ${SHARE_PAGE_SRC} (moved? update SHARE_PAGE_SRC)`);
  const shareOwn = [...closure(shareKey)].filter((k) => !initial.has(k) && manifest[k]!.file.endsWith('.js'));
  const sharePage = { gzip: shareOwn.reduce((sum, k) => sum + gz(k), 0), files: shareOwn.map((k) => manifest[k]!.file) };
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const htmlRequests = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="(?:modulepreload|stylesheet|preload)"[^>]*\shref)="\/([^"]+)"/g)].map((m) => m[1]!);
  const byFile = new Map(Object.keys(manifest).map((k) => [manifest[k]!.file, k]));
  const firstPaint = new Set(initial);
  for (const file of htmlRequests) if (byFile.has(file)) closure(byFile.get(file)!, firstPaint);
  const firstPaintGzip = [...firstPaint].reduce((sum, k) => sum + gz(k), 0);
  return { initialGzip, initialFiles: [...initial].map((k) => manifest[k]!.file), firstPaintGzip, firstPaintFiles: [...firstPaint].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')), htmlRequests, largestRoute, sharePage };
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

/** CPU 4× slower, 150 ms added latency, 1.6 Mbps down / 750 kbps up (a slow phone on a poor mobile link). */
export const throttledProfile = { cpuRate: 4, latencyMs: 150, downBytesPerS: 1_600_000 / 8, upBytesPerS: 750_000 / 8 };
export type NetworkProfile = 'unthrottled' | 'throttled';

export interface LoadSample {
  fcp: number;
  lcp: number;
  /** When the page's first input (`PageSpec.firstInput`) was in the DOM, wired by React. */
  firstInput: number;
  /** The document plus every resource requested before first contentful paint. */
  requestsBeforeFcp: number;
  /** Script bytes transferred (compressed, as served) before first contentful paint / by the end of the load. */
  jsBytesBeforeFcp: number;
  jsBytes: number;
  lcpElement: string;
  /** A Suspense fallback (role=status "Loading…") was ever in the DOM. */
  fallbackSeen: boolean;
}

export interface PaintResult {
  fcpMs: number;
  lcpMs: number;
  firstInputMs: number;
  requestsBeforeFcp: number;
  jsKbBeforeFcp: number;
  jsKb: number;
  runs: number;
  lcpElements: string[];
  fallbackRuns: number;
}

export interface PageSpec {
  path: string;
  storageState?: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;
  /** CSS selector of the element whose arrival counts as "usable". */
  firstInput: string;
}

/** The route-level Suspense fallback (components/page-spinner.tsx). */
export const FALLBACK_SELECTOR = '[role=status][aria-label="Loading…"]';

// Installed before any page script: paint entries, the first input's arrival and any fallback
// spinner, all on the page's own clock (performance.now(), 0 = navigation start).
const observeScript = `
  window.__paint = { fcp: null, lcp: null, lcpElement: null, firstInput: null, fallbackSeen: false };
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
  new MutationObserver(() => {
    const p = window.__paint;
    if (p.firstInput === null && document.querySelector(window.__firstInput)) p.firstInput = performance.now();
    if (document.querySelector(${JSON.stringify(FALLBACK_SELECTOR)})) p.fallbackSeen = true;
  }).observe(document, { childList: true, subtree: true });
`;

type Browser = import('playwright-core').Browser;

/** One cold load of `spec` in a fresh context (empty cache, cache disabled) under `profile`. */
export async function loadOnce(browser: Browser, baseUrl: string, spec: PageSpec, profile: NetworkProfile): Promise<LoadSample> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light', ...(spec.storageState ? { storageState: spec.storageState } : {}) });
  try {
    await ctx.addInitScript(`window.__firstInput = ${JSON.stringify(spec.firstInput)};\n${observeScript}`);
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile === 'throttled') {
      const t = throttledProfile;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: t.latencyMs, downloadThroughput: t.downBytesPerS, uploadThroughput: t.upBytesPerS });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpuRate });
    }
    await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'load' });
    await page.locator(spec.firstInput).first().waitFor();
    // LCP is final at the first input; wait for the observers to report (two frames), not a fixed time.
    await page.waitForFunction('window.__paint.fcp !== null && window.__paint.lcp !== null && window.__paint.firstInput !== null');
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const r = (await page.evaluate(`(() => {
      const p = window.__paint;
      const resources = performance.getEntriesByType('resource');
      const early = resources.filter((e) => e.startTime < p.fcp);
      const js = (list) => list.filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link' && /\\.m?js(\\?|$)/.test(e.name) || /\\.m?js(\\?|$)/.test(e.name)).reduce((n, e) => n + e.transferSize, 0);
      return { ...p, requestsBeforeFcp: 1 + early.length, jsBytesBeforeFcp: js(early), jsBytes: js(resources) };
    })()`)) as Omit<LoadSample, 'lcpElement'> & { lcpElement: string | null };
    return { ...r, lcpElement: r.lcpElement ?? '?' };
  } finally {
    await ctx.close();
  }
}

export function summarise(samples: LoadSample[]): PaintResult {
  return {
    fcpMs: median(samples.map((s) => s.fcp)),
    lcpMs: median(samples.map((s) => s.lcp)),
    firstInputMs: median(samples.map((s) => s.firstInput)),
    requestsBeforeFcp: median(samples.map((s) => s.requestsBeforeFcp)),
    jsKbBeforeFcp: median(samples.map((s) => s.jsBytesBeforeFcp)) / 1000,
    jsKb: median(samples.map((s) => s.jsBytes)) / 1000,
    runs: samples.length,
    lcpElements: [...new Set(samples.map((s) => s.lcpElement))],
    fallbackRuns: samples.filter((s) => s.fallbackSeen).length,
  };
}

export const signInPage: PageSpec = { path: '/sign-in', firstInput: 'input[type=email]' };
export const notesPage = (storageState: PageSpec['storageState']): PageSpec => ({ path: '/notes', storageState, firstInput: 'ul[aria-label="Notes"] a' });
/** A shared note's public page, with no session: usable once the note's title is on screen. */
export const sharePage = (sharePath: string): PageSpec => ({ path: sharePath, firstInput: 'article h1' });

/** The storage state (Cognito's localStorage) of `user` after one real sign-in through the UI. */
export async function signedInState(browser: Browser, webUrl: string, user: TestUser): Promise<PageSpec['storageState']> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForURL('**/notes');
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Median of `runs` cold loads of the sign-in page and (given a user with notes) the signed-in notes
 * page, each unthrottled and throttled, interleaved so a busy moment on the machine does not land on
 * one of them only.
 */
export async function measurePaint(webUrl: string, user: TestUser | null, runs = 7, sharePath?: string): Promise<Record<string, Record<NetworkProfile, PaintResult>>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { launch } = require('../../../web/e2e/browser') as typeof import('../../../web/e2e/browser');
  const browser = await launch();
  try {
    const pages: Record<string, PageSpec> = { signIn: signInPage };
    if (user) pages.notes = notesPage(await signedInState(browser, webUrl, user));
    if (sharePath) pages.share = sharePage(sharePath);
    const samples: Record<string, Record<NetworkProfile, LoadSample[]>> = {};
    for (const name of Object.keys(pages)) samples[name] = { unthrottled: [], throttled: [] };
    // One warm-up load per page: the preview server's first answers are slower than the rest.
    for (const spec of Object.values(pages)) await loadOnce(browser, webUrl, spec, 'unthrottled');
    for (let i = 0; i < runs; i++) {
      for (const [name, spec] of Object.entries(pages)) {
        for (const profile of ['unthrottled', 'throttled'] as const) samples[name]![profile].push(await loadOnce(browser, webUrl, spec, profile));
      }
    }
    return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, { unthrottled: summarise(s.unthrottled), throttled: summarise(s.throttled) }]));
  } finally {
    await browser.close();
  }
}
