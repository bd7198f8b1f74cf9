import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { audit, auditAutomatically } from './a11y';
import { viewports } from './viewports';

export { viewports };

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../e2e-artifacts/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context (own localStorage) with page errors collected, so a crash fails the test. The
 * page audits its accessibility as the test goes (see a11y.ts) unless `a11y` is false.
 */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = viewports.desktop,
  { a11y = true } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light' });
  const page = await context.newPage();
  if (a11y) await auditAutomatically(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // An action that meets a new page-state first waits for its audit (4 axe runs, seconds each on a
  // busy machine), which counts towards the action's timeout.
  page.setDefaultTimeout(a11y ? 30_000 : 10_000);
  return { context, page, errors };
}

/**
 * Saves `<name>-<desktop|phone>.png` under e2e-artifacts/screenshots (gitignored), then audits the
 * state under that name (a11y.ts), failing on serious or critical findings.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  const label = size && size.width < 600 ? 'phone' : 'desktop';
  // Let transitions and skeleton shimmer settle.
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: false });
  await audit(page, name);
}
