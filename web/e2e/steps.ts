/** Steps shared by the browser tests: the local stack, the suite's browser, signing in, failure screenshots. */
import type { Browser, Page } from 'playwright-core';
import { readStack } from '@jotter/tools/testing/stack';
import type { TestUser } from '@jotter/tools/testing/users';
import { expectNoA11yFailures, reportAudits } from './a11y';
import { launch, newPage, SCREENSHOT_DIR } from './browser';

/** The local stack the integration run started (see tools/src/testing/global-setup.ts). */
export const stack = readStack();

/**
 * Launches Chromium before the file's tests (failing them with `notStarted` when the stack did not
 * start the web app) and closes it after them; fails each test with the accessibility findings of
 * its pages and reports the file's audited page-states (a11y.ts). Call at the top level of a test file.
 */
export function suiteBrowser(notStarted = 'The local stack did not start the web app'): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!stack.webStarted) throw new Error(notStarted);
    browser = await launch();
  });
  afterEach(expectNoA11yFailures);
  afterAll(async () => {
    await browser?.close();
    reportAudits();
  });
  return () => {
    if (!browser) throw new Error('The browser is not launched yet (call it inside a test)');
    return browser;
  };
}

/**
 * Signs `user` in through the sign-in form and waits for the notes page. The URL changes first:
 * the router renders the next page in a transition, so the sign-in page stays on screen until the
 * notes page's code has loaded.
 */
export async function signIn(page: Page, user: TestUser) {
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL('**/notes');
  await page.getByRole('heading', { name: 'Notes', level: 1, exact: true }).waitFor();
}

/** Waits for the editor's save status to read "Saved". */
export const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ }).waitFor();

/** Saves a screenshot of the page as it was when the current test failed (FAILED-<test name>.png). */
export async function screenshotFailure(page: Page) {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/FAILED-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png` });
}

/**
 * Runs `steps` in a fresh page (`newPage`); when they fail, saves a screenshot of the page first
 * (`screenshotFailure`). Closes the page's context either way.
 */
export async function inNewPage(browser: Browser, viewport: { width: number; height: number }, steps: (page: Page, errors: string[]) => Promise<void>) {
  const { context, page, errors } = await newPage(browser, viewport);
  try {
    await steps(page, errors);
  } catch (error) {
    await screenshotFailure(page);
    throw error;
  } finally {
    await context.close();
  }
}
