/**
 * The first page of a visit paints complete, never a loading spinner: the production build loads
 * the page's module before the first render (main.tsx) while index.html has already preloaded its
 * chunk, so no Suspense fallback is ever in the DOM and the first contentful paint shows the
 * sign-in form, or the signed-in notes page. The build is served at the stack's web origin (the
 * only origin its API allows) through the browser's request routing; API and Cognito are real.
 * (components/page-spinner.test.tsx checks that FALLBACK_SELECTOR finds the real fallback.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, FALLBACK_SELECTOR, webEnvFor } from '../../bench/src/lib/web';
import { createTestUser } from '@jotter/tools/testing/users';
import { newPage } from './browser';
import { signIn, stack } from './steps';

jest.setTimeout(120_000);

let chromiumBrowser: Browser | undefined;
const browser = () => chromiumBrowser!;
let distDir: string;

beforeAll(async () => {
  distDir = buildWeb(webEnvFor(stack), fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-first-paint-')));
  // Responses fulfilled by the test have no address, so Chromium would treat the page as public
  // and refuse its calls to the loopback API and Cognito (local network access checks).
  chromiumBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=LocalNetworkAccessChecks'],
  });
});
afterAll(async () => {
  await chromiumBrowser?.close();
  if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
});

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Serves the production build at the web origin, with the SPA fallback to index.html. */
async function serveBuild(context: BrowserContext) {
  const origin = new URL(stack.webUrl).origin;
  await context.route(
    (url) => url.origin === origin,
    async (route) => {
      let file = path.join(distDir, decodeURIComponent(new URL(route.request().url()).pathname));
      if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(distDir, 'index.html');
      await route.fulfill({ status: 200, headers: { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' }, body: fs.readFileSync(file) });
    },
  );
}

/**
 * Before any page script runs: records whether the route fallback ever entered the DOM, when
 * `selector` first did, and the first contentful paint (all on the page's clock).
 */
async function watchFirstPaint(context: BrowserContext, selector: string) {
  await context.addInitScript(
    ({ fallback, selector }) => {
      const w = window as unknown as { __firstPaint: { fallbackSeen: boolean; contentAt: number | null; fcp: number | null } };
      w.__firstPaint = { fallbackSeen: false, contentAt: null, fcp: null };
      new MutationObserver(() => {
        if (document.querySelector(fallback)) w.__firstPaint.fallbackSeen = true;
        if (w.__firstPaint.contentAt === null && document.querySelector(selector)) w.__firstPaint.contentAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__firstPaint.fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    },
    { fallback: FALLBACK_SELECTOR, selector },
  );
}

async function firstPaint(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __firstPaint: { fcp: number | null } }).__firstPaint.fcp !== null);
  return page.evaluate(() => (window as unknown as { __firstPaint: { fallbackSeen: boolean; contentAt: number | null; fcp: number } }).__firstPaint);
}

it('the sign-in page: the first paint already shows the form, and no spinner ever appears', async () => {
  const { context, page, errors } = await newPage(browser());
  try {
    await serveBuild(context);
    await watchFirstPaint(context, 'input[type=email]');
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByLabel('Email', { exact: true }).waitFor();
    const seen = await firstPaint(page);
    expect(seen.fallbackSeen).toBe(false);
    // The email field was in the DOM before the first contentful paint: that paint shows the form.
    expect(seen.contentAt).not.toBeNull();
    expect(seen.contentAt!).toBeLessThanOrEqual(seen.fcp);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('a protected page while signed out: the first paint is the sign-in form it redirects to', async () => {
  const { context, page, errors } = await newPage(browser());
  try {
    await serveBuild(context);
    await watchFirstPaint(context, 'input[type=email]');
    await page.goto(`${stack.webUrl}/trash`);
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email', { exact: true }).waitFor();
    const seen = await firstPaint(page);
    expect(seen.fallbackSeen).toBe(false);
    expect(seen.contentAt!).toBeLessThanOrEqual(seen.fcp);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('the notes page of a signed-in user: the first paint shows the notes layout, no route spinner', async () => {
  const user = await createTestUser(stack);
  const { context, page, errors } = await newPage(browser());
  // Signing in through the form waits for the Cognito emulator, slow on a busy machine.
  page.setDefaultTimeout(30_000);
  try {
    await serveBuild(context);
    await signIn(page, user);
    const session = await context.storageState();
    const fresh = await browser().newContext({ storageState: session });
    try {
      await serveBuild(fresh);
      await watchFirstPaint(fresh, 'input#note-filter');
      const notesPage = await fresh.newPage();
      await notesPage.goto(`${stack.webUrl}/notes`);
      await notesPage.getByText('No notes yet').first().waitFor();
      const seen = await firstPaint(notesPage);
      expect(seen.fallbackSeen).toBe(false);
      expect(seen.contentAt!).toBeLessThanOrEqual(seen.fcp);
    } finally {
      await fresh.close();
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
