/**
 * Organizing in Chromium against the local stack: tag two notes (with autocomplete), filter the
 * list by a tag, pin a note and see it first, change the sort order.
 */
import type { Page } from 'playwright-core';
import { createTestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, saved, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(120_000);

const browser = suiteBrowser();

const list = (page: Page) => page.getByRole('list', { name: 'Notes' });
const titlesInList = (page: Page) => list(page).getByRole('link').evaluateAll((links) => links.map((a) => a.querySelector('span')?.textContent?.trim() ?? ''));

async function writeNote(page: Page, title: string, content: string) {
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Content').fill(content);
  await saved(page);
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
}

it('tags two notes, filters by a tag, pins one to the top and sorts by title', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await writeNote(page, 'Apples', 'Fuji and Gala');
    await page.getByLabel('Add a tag').fill('Fruit');
    await page.getByLabel('Add a tag').press('Enter');
    await page.getByRole('list', { name: 'Tags' }).getByText('fruit').waitFor();
    await writeNote(page, 'Carrots', 'Orange');
    await writeNote(page, 'Bananas', 'Yellow');
    // Autocomplete from the tags already used.
    await page.getByLabel('Add a tag').fill('fr');
    await page.getByRole('listbox', { name: 'Suggested tags' }).getByRole('option', { name: /fruit/ }).click();
    await page.getByRole('list', { name: 'Tags' }).getByText('fruit').waitFor();
    await screenshot(page, 'organize-tags');

    await page.getByLabel('Filter by tag').selectOption('fruit');
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Notes"] a').length === 2);
    expect(await titlesInList(page)).toEqual(['Bananas', 'Apples']);
    await screenshot(page, 'organize-filtered');
    await page.getByLabel('Filter by tag').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Notes"] a').length === 3);

    // Pin the oldest note: it comes first.
    await list(page).getByRole('link', { name: /Apples/ }).click();
    await page.getByRole('button', { name: 'Pin' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Notes"] a')?.textContent?.includes('Apples'));
    expect(await page.getByRole('button', { name: 'Pin' }).getAttribute('aria-pressed')).toBe('true');
    expect(await titlesInList(page)).toEqual(['Apples', 'Bananas', 'Carrots']);

    // Sort by title survives a reload (pinned still first).
    await page.getByLabel('Sort notes').selectOption('title');
    await page.reload();
    await list(page).getByRole('link').first().waitFor();
    expect(await titlesInList(page)).toEqual(['Apples', 'Bananas', 'Carrots']);
    await page.getByRole('button', { name: 'Pin' }).click(); // unpin Apples
    await page.getByLabel('Sort notes').selectOption('created');
    await page.waitForFunction(() => document.querySelector('[aria-label="Notes"] a')?.textContent?.includes('Bananas'));
    expect(await titlesInList(page)).toEqual(['Bananas', 'Carrots', 'Apples']);
    await screenshot(page, 'organize-sorted');
    expect(errors).toEqual([]);
  });
});
