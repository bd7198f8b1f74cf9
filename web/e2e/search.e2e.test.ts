/**
 * Search in Chromium against the local stack: `/` opens it, results come as you type with the hits
 * marked, ↑/↓ choose, Enter opens the note; a query without matches says so; at phone width the
 * header's search button opens it. The notes are made through the API (they are found through the
 * table's stream and the indexer, like any note).
 */
import type { Page } from 'playwright-core';
import { apiClient } from '../../tools/src/testing/api';
import { createTestUser, type TestUser } from '../../tools/src/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(120_000);

const browser = suiteBrowser();

/** Creates the notes and waits until search finds the last one. */
async function notesOf(user: TestUser, notes: { title: string; content: string }[]): Promise<string[]> {
  const api = apiClient(stack, user.accessToken);
  const ids: string[] = [];
  for (const note of notes) ids.push(((await api.post('/notes', note)).body as { noteId: string }).noteId);
  const last = notes.at(-1)!.title.split(' ')[0]!;
  for (const started = Date.now(); Date.now() - started < 15_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const found = (await api.get(`/search?q=${encodeURIComponent(last)}`)).body as { items: { noteId: string }[] };
    if (found.items.some((item) => item.noteId === ids.at(-1))) return ids;
  }
  throw new Error('the notes were not searchable within 15 s');
}

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search all notes' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Matching notes' }).getByRole('option');

it('finds a note as you type, marks the hits, and opens the chosen one with Enter', async () => {
  const user = await createTestUser(stack);
  const [kyoto, tea] = await notesOf(user, [
    { title: 'Kyoto temples', content: 'Fushimi Inari at dawn, then **Kiyomizu-dera**.' },
    { title: 'Tea ceremony', content: 'Matcha in a Kyoto machiya; bring socks & <3 pairs.' },
    { title: 'Groceries', content: 'Milk, eggs' },
  ]);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.keyboard.press('/');
    await expect(searchBox(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await screenshot(page, 'search-empty');

    // A prefix, as typed: the title hit comes first, the hit is marked in the snippet.
    await page.keyboard.type('kyo');
    await page.getByText('2 notes found').waitFor();
    expect(await options(page).evaluateAll((els) => els.map((el) => el.querySelector('span')?.textContent))).toEqual(['Kyoto temples', 'Tea ceremony']);
    expect(await options(page).nth(1).locator('mark').allTextContents()).toEqual(['Kyoto']);
    // Text from the note is text: the escaped snippet shows "& <3", nothing became markup.
    await expect(options(page).nth(1).textContent()).resolves.toContain('socks & <3 pairs');
    await screenshot(page, 'search-results');

    // ↓ moves to the second, ↑ back, ↓ again; Enter opens it.
    await page.keyboard.press('ArrowDown');
    await expect(options(page).nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect(options(page).nth(0).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/notes/${tea}`);
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Tea ceremony');
    await page.getByRole('dialog', { name: 'Search notes' }).waitFor({ state: 'hidden' });

    // No match: says so. A typo in a long word is forgiven; Enter opens the best match. (The
    // opened note's editor has focus, where `/` is text: leave it first.)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await page.keyboard.type('zebra crossing');
    await page.getByText('No notes match “zebra crossing”.').waitFor();
    await screenshot(page, 'search-no-match');
    await searchBox(page).fill('fushimo');
    await page.getByText('1 note found').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/notes/${kyoto}`);
    expect(errors).toEqual([]);
  });
});

it('opens from the header at phone width', async () => {
  const user = await createTestUser(stack);
  const [groceries] = await notesOf(user, [{ title: 'Groceries list', content: 'Oat milk and café beans' }]);
  await inNewPage(browser(), viewports.phone, async (page, errors) => {
    await signIn(page, user);
    await page.getByRole('button', { name: 'Search' }).click();
    await searchBox(page).fill('cafe');
    await page.getByText('1 note found').waitFor();
    expect(await options(page).first().locator('mark').allTextContents()).toEqual(['café']);
    await screenshot(page, 'search-phone');
    await options(page).first().click();
    await page.waitForURL(`**/notes/${groceries}`);
    expect(errors).toEqual([]);
  });
});
