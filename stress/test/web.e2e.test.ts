// Web hardening, in Chromium against the local stack:
//   - hostile note titles, content and attachment file names are rendered as text: no element is
//     created from them, no script runs (window.__xss stays undefined), no javascript: link;
//   - the production build runs under the production CSP of web/serverless.yml (CloudFront's
//     response headers policy, local origins substituted) with no violation during sign-in and
//     the notes flow;
//   - the production build carries no secrets or AWS keys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import { createAttachmentResponseSchema } from '@jotter/shared/attachments';
import { noteSchema } from '@jotter/shared/notes';
import { readStack } from '@jotter/tools/testing/stack';
import { apiClient } from '@jotter/tools/testing/api';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { chromium } from 'playwright-core';
import { reportAudits } from '../../web/e2e/a11y';
import { launch, newPage } from '../../web/e2e/browser';
import { recordFigures } from '../src/figures';
import { expectStatus } from '../src/world';
import { buildWeb, contentTypes, localCsp, prodCspTemplate, scanForSecrets, secretPatterns } from '../src/web';

jest.setTimeout(180_000);
const stack = readStack();
type Browser = Awaited<ReturnType<typeof launch>>;
type Page = Awaited<ReturnType<typeof newPage>>['page'];
let browser: Browser;
/**
 * For the CSP test: pages fulfilled by request interception have no IP address, so Chromium's
 * Local Network Access checks treat them as public and refuse their calls to 127.0.0.1 (the
 * API and emulators). Served by CloudFront and calling AWS, the app has no such issue.
 */
let cspBrowser: Browser;
let distDir: string;

beforeAll(async () => {
  if (!stack.webStarted) throw new Error('The local stack did not start the web app');
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-web-dist-'));
  buildWeb(stack, distDir);
  browser = await launch();
  cspBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=LocalNetworkAccessChecks'],
  });
});
afterAll(async () => {
  await browser?.close();
  await cspBrowser?.close();
  if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
  reportAudits(); // the hostile-content pages are audited for accessibility like every e2e page
});

async function signIn(page: Page, user: TestUser) {
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL('**/notes');
}

const xssTitle = '<img src=x onerror=window.__xss=1>';
const xssContent = [
  '<img src=x onerror=window.__xss=2>',
  '<script>window.__xss=3</script>',
  '[click me](javascript:window.__xss=4)',
  '<a href="javascript:window.__xss=5">link</a>',
  'javascript:window.__xss=6',
  '<svg onload=window.__xss=7>',
].join('\n');
const xssFileName = '<img src=x onerror=window.__xss=8>.txt';

/** Nothing hostile became markup, and nothing ran. */
async function expectInert(page: Page) {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    imgX: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
    svg: document.querySelectorAll('svg[onload]').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
    onHandlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }));
  expect(state).toEqual({ xss: undefined, imgX: 0, scripts: 0, svg: 0, jsLinks: 0, onHandlers: 0 });
}

it('renders hostile titles, content and file names as text (dev server)', async () => {
  const user = await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  const note = z.parse(noteSchema, (await expectStatus(api.post('/notes', { title: xssTitle, content: xssContent }), 201, 'create')).body);
  const upload = z.parse(
    createAttachmentResponseSchema,
    (await expectStatus(api.post(`/notes/${note.noteId}/attachments`, { fileName: xssFileName, contentType: 'text/plain', size: 5 }), 201, 'attach')).body,
  );
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.uploadFields)) form.append(k, v);
  form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'x.txt');
  expect((await fetch(upload.uploadUrl, { method: 'POST', body: form })).status).toBeLessThan(300);

  const { context, page, errors } = await newPage(browser);
  try {
    await signIn(page, user);
    // The list shows the title as text.
    await page.getByRole('list', { name: 'Notes' }).getByText(xssTitle, { exact: false }).first().waitFor();
    await page.goto(`${stack.webUrl}/notes/${note.noteId}`);
    await page.getByText(xssFileName, { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(xssTitle);
    expect(await page.getByLabel('Content').inputValue()).toBe(xssContent);
    await page.waitForTimeout(500);
    await expectInert(page);
    await page.goto(`${stack.webUrl}/notes`);
    await page.getByText(xssTitle, { exact: false }).first().waitFor();
    await expectInert(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

describe('the production build', () => {
  it('runs sign-in and the notes flow under the production CSP with no violation', async () => {
    const csp = localCsp(stack);
    // The template's directives all survive the substitution (nothing dropped).
    expect(csp.split(';').map((d) => d.trim().split(' ')[0])).toEqual(prodCspTemplate().split(';').map((d) => d.trim().split(' ')[0]));
    const webOrigin = new URL(stack.webUrl).origin;
    const user = await createTestUser(stack);
    // No accessibility audit here: the production build renders the pages the dev-server tests audit.
    const { context, page, errors } = await newPage(cspBrowser, undefined, { a11y: false });
    const violations: string[] = [];
    const served: string[] = [];
    try {
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { __csp?: string[] };
          (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
        else if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
      // Each load of the notes page reads the list and the tags once (no read started, dropped and repeated).
      const listReads: string[] = [];
      page.on('request', (r) => {
        const { origin, pathname, search } = new URL(r.url());
        if (origin !== webOrigin && r.method() === 'GET' && (pathname.endsWith('/tags') || (pathname.endsWith('/notes') && !search.includes('cursor=')))) listReads.push(pathname.slice(pathname.lastIndexOf('/') + 1));
      });
      // The web origin is served from the production build with CloudFront's headers; the API,
      // Cognito and S3 are the stack's real ones.
      await context.route(
        (url) => url.origin === webOrigin,
        async (route) => {
          const { pathname } = new URL(route.request().url());
          let file = path.join(distDir, decodeURIComponent(pathname));
          if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(distDir, 'index.html'); // SPA fallback
          served.push(pathname);
          await route.fulfill({
            status: 200,
            headers: {
              'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
              'content-security-policy': csp,
              'x-content-type-options': 'nosniff',
              'x-frame-options': 'DENY',
            },
            body: fs.readFileSync(file),
          });
        },
      );

      await signIn(page, user).catch(async (error: Error) => {
        const seen = (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[];
        throw new Error(`${error.message}\nviolations: ${[...violations, ...seen].join('\n')}\nconsole: ${consoleErrors.join('\n')}`);
      });
      await page.getByText('No notes yet').first().waitFor();
      await page.keyboard.press('n');
      await page.waitForURL('**/notes/new');
      await page.getByLabel('Title', { exact: true }).fill('Under CSP');
      await page.getByLabel('Title', { exact: true }).press('Enter');
      await page.keyboard.type('Typed with the production policy on.');
      await page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ }).waitFor();
      await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
      await page.reload();
      expect(await page.getByLabel('Content').inputValue()).toBe('Typed with the production policy on.');
      // The editor shows as soon as the note is read; the list and the tags may still be on their
      // way, and leaving now would abort them (a failed request the app did not cause).
      await page.waitForLoadState('networkidle');
      await page.goto(`${stack.webUrl}/trash`);
      await page.waitForLoadState('networkidle');
      await page.goto(`${stack.webUrl}/developer`);
      await page.waitForLoadState('networkidle');

      violations.push(...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[]));
      expect(served.some((p) => p.startsWith('/assets/'))).toBe(true);
      expect(violations).toEqual([]);
      const duringFlow = violations.length;
      // Control: the policy is really enforced — an inline script is blocked and reported.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.appendChild(s);
        await new Promise((r) => setTimeout(r, 100));
        return { ran: (window as unknown as { __inline?: number }).__inline, reported: (window as unknown as { __csp?: string[] }).__csp ?? [] };
      });
      expect(ran.ran).toBeUndefined();
      expect(ran.reported.some((v) => v.startsWith('script-src'))).toBe(true);
      expect(errors).toEqual([]);
      expect(consoleErrors).toEqual([]);
      // Two loads of the notes page: after signing in, and the reload.
      expect(listReads.sort()).toEqual(['notes', 'notes', 'tags', 'tags']);
      recordFigures('web: production CSP', { policy: 'web/serverless.yml', responsesServed: served.length, violationsDuringFlow: duringFlow, inlineScriptControlBlocked: true });
    } finally {
      await context.close();
    }
  });

  it('contains no secrets or AWS keys (dist/ scan, source maps included)', () => {
    // The scanner itself works: a planted fake key and private key are found.
    const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-scan-'));
    try {
      fs.writeFileSync(path.join(planted, 'a.js'), `const k="${'AKIA'}${'Z'.repeat(16)}";\n-----BEGIN ${'PRIVATE'} KEY-----`);
      expect(scanForSecrets(planted).map((f) => f.name).sort()).toEqual(['AWS access key id', 'private key']);
    } finally {
      fs.rmSync(planted, { recursive: true, force: true });
    }
    const findings = scanForSecrets(distDir);
    const files = fs.readdirSync(path.join(distDir, 'assets')).length;
    recordFigures('web: secret scan of the production build', { files, patterns: secretPatterns.length, findings: findings.length });
    expect(findings).toEqual([]);
  });
});
