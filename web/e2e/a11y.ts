/**
 * Accessibility audits for the browser tests: axe-core (its WCAG 2.0/2.1 A and AA rules) checks
 * each distinct page-state the tests reach, in light and dark, at desktop and phone width. A
 * serious or critical finding fails the test with the rule, the view and the elements.
 *
 * Page-states are audited without the tests asking:
 * - before the first action on each route, and on each newly shown dialog or alert (a Playwright
 *   locator handler, so pages and dialogs added later are covered by the tests that visit them);
 * - at every `screenshot()`, under the screenshot's name (the states a test stops to look at:
 *   toasts, uploads, errors).
 * Each state is audited once per test file (they repeat across tests; each audit is 4 axe runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { viewports } from './viewports';

export const A11Y_DIR = path.resolve(__dirname, '../../e2e-artifacts/a11y');

const views = [
  { width: 'desktop', size: viewports.desktop },
  { width: 'phone', size: viewports.phone },
] as const;
const schemes = ['light', 'dark'] as const;

const axeOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};
const failingImpacts = new Set(['serious', 'critical']);

/** The attribute the audit leaves on <html> (the audited path) and on audited dialogs and alerts. */
const MARK = 'data-a11y-audited';

interface AuditedState {
  state: string;
  route: string;
  /** Moderate and minor findings: reported, not failing. */
  minor: string[];
}

// Per test file (Jest gives each file its own module registry).
const audited = new Map<string, AuditedState>();
let pendingFailures: string[] = [];
let axeSource: string | undefined;

/**
 * Makes `page` audit itself (call once, right after creating it): before the first action on each
 * route or newly shown dialog or alert, the page-state is audited (see the file comment).
 */
export async function auditAutomatically(page: Page): Promise<void> {
  // Client-side navigations clear the mark, so the next action on the new route audits it.
  await page.context().addInitScript((mark: string) => {
    const forgetIfMoved = () => {
      const root = document.documentElement;
      if (root.getAttribute(mark) !== location.pathname) root.removeAttribute(mark);
    };
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        forgetIfMoved();
      };
    }
    addEventListener('popstate', forgetIfMoved);
  }, MARK);
  const unaudited = page
    .locator([`html:not([${MARK}])`, `dialog[open]:not([${MARK}])`, `[role=dialog]:not([${MARK}])`, `[role=alertdialog]:not([${MARK}])`, `[role=alert]:not([${MARK}])`].join(', '))
    .filter({ visible: true })
    .first();
  await page.addLocatorHandler(
    unaudited,
    async () => {
      // A locator handler must not throw (Playwright runs it outside the test's promise chain);
      // findings and errors are kept and thrown by the next `audit()` / `expectNoA11yFailures()`.
      try {
        await waitUntilSettled(page);
        await auditState(page);
      } catch (error) {
        pendingFailures.push(`axe-core audit of ${page.url()} could not run: ${(error as Error).message}`);
        await page.evaluate(markAudited, MARK).catch(() => undefined);
      }
    },
    { noWaitAfter: true },
  );
}

/**
 * Audits the page's current state (once per `name` per test file) and throws on any serious or
 * critical finding, including those the automatic audits found since the last check. Without a
 * name, the state is named after its route, open dialog and alert.
 */
export async function audit(page: Page, name?: string): Promise<void> {
  await auditState(page, name);
  expectNoA11yFailures();
}

/** Throws the serious/critical findings collected so far (and forgets them). */
export function expectNoA11yFailures(): void {
  const failures = pendingFailures;
  pendingFailures = [];
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}

/**
 * Prints how many page-states this test file audited (and writes them to
 * e2e-artifacts/a11y/<file>.json), then throws any finding not thrown yet. Call in `afterAll`.
 */
export function reportAudits(): void {
  const file = path.basename(expect.getState().testPath ?? 'unknown');
  const states = [...audited.values()];
  const minor = states.flatMap((s) => s.minor.map((m) => `${s.state}: ${m}`));
  fs.mkdirSync(A11Y_DIR, { recursive: true });
  fs.writeFileSync(path.join(A11Y_DIR, `${file}.json`), JSON.stringify({ views: viewNames(), states, failures: pendingFailures }, null, 2));
  console.info(
    `axe-core: ${file} audited ${states.length} page-states × ${viewNames().length} views (${viewNames().join(', ')}) = ${states.length * viewNames().length} audits; ` +
      `${pendingFailures.length} serious/critical failures pending, ${minor.length} moderate/minor findings${minor.length ? `:\n${minor.join('\n')}` : ''}`,
  );
  expectNoA11yFailures();
}

const viewNames = () => views.flatMap((v) => schemes.map((s) => `${s}/${v.width}`));

/** Waits (at most 3 s) until nothing is loading and the DOM has been still for 200 ms. */
async function waitUntilSettled(page: Page) {
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __a11yLastMutation?: number; __a11yObserver?: MutationObserver };
        if (!w.__a11yObserver) {
          w.__a11yLastMutation = performance.now();
          w.__a11yObserver = new MutationObserver(() => (w.__a11yLastMutation = performance.now()));
          w.__a11yObserver.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        // Loading indicators: aria-busy, or a status whose label ends in "…" ("Loading…").
        const loading = [...document.querySelectorAll('[aria-busy="true"], [role="status"][aria-label$="…"]')].some((el) => (el as HTMLElement).offsetParent !== null);
        return !loading && performance.now() - (w.__a11yLastMutation ?? 0) >= 200;
      },
      undefined,
      { timeout: 3000, polling: 50 },
    )
    // A page that keeps moving (an upload's progress bar) is audited as it is.
    .catch(() => undefined);
}

/** Audits the current state in every view unless a state of that name was audited already. */
async function auditState(page: Page, name?: string) {
  const route = await page.evaluate(describeRoute);
  const state = name ?? route.state;
  if (!audited.has(state)) {
    const minor: string[] = [];
    const original = page.viewportSize();
    // The other width hides what its layout hides (the notes list beside an open note at phone
    // width), and Chromium drops focus from a hidden element to <body>: the audit gives it back,
    // so the test goes on with the page as it left it (the filter still focused for its Escape).
    const focused = await page.evaluateHandle(() => document.activeElement);
    try {
      await injectAxe(page);
      for (const view of original && original.width < 600 ? [...views].reverse() : views) {
        await page.setViewportSize(view.size);
        for (const colorScheme of schemes) {
          await page.emulateMedia({ colorScheme });
          await page.waitForFunction(restyled, colorScheme, { polling: 'raf' });
            const results = await page.evaluate((options) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, options), axeOptions);
          const where = `${colorScheme}/${view.width}`;
          const failing = results.violations.filter((v) => failingImpacts.has(v.impact ?? ''));
          if (failing.length > 0) pendingFailures.push(describeFailures(state, route.path, where, failing));
          minor.push(...results.violations.filter((v) => !failingImpacts.has(v.impact ?? '')).map((v) => `${where} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
        }
      }
    } finally {
      if (original) await page.setViewportSize(original);
      await page.emulateMedia({ colorScheme: null });
      await focused
        .evaluate((el) => {
          if (el instanceof HTMLElement && el.isConnected && document.activeElement === document.body) el.focus({ preventScroll: true });
        })
        .catch(() => undefined); // the page navigated meanwhile: nothing to give back
      await focused.dispose().catch(() => undefined);
    }
    audited.set(state, { state, route: route.path, minor });
  }
  // The route-named state is covered too, so the automatic audit does not repeat it.
  if (!audited.has(route.state)) audited.set(route.state, { state: route.state, route: route.path, minor: [] });
  await page.evaluate(markAudited, MARK);
}

/**
 * Runs in the page: true once the scheme applies, with the colour transitions the switch started
 * and any entrance animation (fade, pop) jumped to their end: axe would measure colours halfway.
 */
function restyled(colorScheme: string) {
  if (!matchMedia(`(prefers-color-scheme: ${colorScheme})`).matches) return false;
  for (const animation of document.getAnimations()) {
    if (animation instanceof CSSTransition || (animation instanceof CSSAnimation && animation.effect?.getComputedTiming().iterations !== Infinity)) animation.finish();
  }
  return true;
}

async function injectAxe(page: Page) {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
}

/** Runs in the page: the route with ids generalised, and the open dialog / shown alert. */
function describeRoute() {
  const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'DIALOG';
  const route = location.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
  const dialogs = [...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')].filter(visible);
  const dialogNames = dialogs.map((d) => {
    const labelledBy = d.getAttribute('aria-labelledby');
    return (labelledBy ? document.getElementById(labelledBy)?.textContent : d.getAttribute('aria-label')) ?? '';
  });
  const alert = [...document.querySelectorAll('[role="alert"]')].some((el) => visible(el) && el.textContent?.trim());
  const state = [route, ...dialogNames.map((n) => `dialog "${n}"`), ...(alert ? ['alert'] : [])].join(' + ');
  return { path: route, state };
}

/** Runs in the page: marks the route and every shown dialog and alert as audited. */
function markAudited(mark: string) {
  document.documentElement.setAttribute(mark, location.pathname);
  for (const el of document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"], [role="alert"]')) el.setAttribute(mark, '');
}

function describeFailures(state: string, route: string, where: string, failing: Result[]) {
  const lines = failing.map((v) => {
    const nodes = v.nodes.slice(0, 6).map((n) => `      ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
    if (v.nodes.length > 6) nodes.push(`      … and ${v.nodes.length - 6} more`);
    return `  ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${nodes.join('\n')}`;
  });
  return `axe-core: ${failing.length} serious/critical WCAG 2.1 A/AA violation(s) on "${state}" (${route}) in ${where}:\n${lines.join('\n')}`;
}
