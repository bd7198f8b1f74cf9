/**
 * A note's history end to end against the local stack: open it from the editor, read an earlier
 * version, compare it with the current text, restore it (a new version; the replaced text stays in
 * the history); the conflict banner's side-by-side Compare, and the overwrite keeping "theirs" as
 * a revision; the page by keyboard at phone width. Every state is audited (a11y.ts).
 */
import type { Page } from 'playwright-core';
import { createTestUser, type TestUser } from '../../tools/src/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(300_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

interface NoteBody {
  noteId: string;
  version: number;
  content: string;
}

function apiAs(user: TestUser) {
  return async <T = NoteBody>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${user.accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** A note with two revisions: version 1's text ("First draft") and version 2's ("Second draft"). */
async function noteWithHistory(api: ReturnType<typeof apiAs>) {
  const note = await api('POST', '/notes', { title: 'Trip plan', content: 'First draft\n\nTrain at 9' });
  const second = await api('PUT', `/notes/${note.noteId}`, { content: 'Second draft\n\nTrain at 10', version: note.version });
  return api('PUT', `/notes/${note.noteId}?overwrite=true`, { content: 'Third draft\n\nBus at 10', version: second.version });
}

const versionButton = (page: Page, revision: number) => page.getByRole('navigation', { name: 'Versions' }).getByRole('button', { name: new RegExp(`version ${revision}\\b`) });

it('opens the history from the editor, reads and compares a version, and restores it as a new version', async () => {
  const user = await createTestUser(stack);
  const api = apiAs(user);
  const note = await noteWithHistory(api);
  await inNewPage(browser(), viewports.desktop, async (page) => {
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/notes/${note.noteId}`);
    await page.getByLabel('Content').waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(`**/notes/${note.noteId}/history`);
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    // Newest first, the newest shown.
    await versionButton(page, 2).waitFor();
    expect(await versionButton(page, 2).getAttribute('aria-current')).toBe('true');
    await page.getByRole('article', { name: 'Text of version 2' }).getByText('Second draft').waitFor();
    await screenshot(page, 'history');

    await versionButton(page, 1).click();
    await page.getByRole('heading', { name: 'Version 1', level: 2 }).waitFor();
    await page.getByRole('article', { name: 'Text of version 1' }).getByText(/First draft/).waitFor();

    await page.getByRole('button', { name: 'Compare with current' }).click();
    const diff = page.getByRole('table', { name: 'Version 1 compared with the current text' });
    await diff.getByRole('cell', { name: /Removed: First draft/ }).waitFor();
    await diff.getByRole('cell', { name: /Added: Third draft/ }).waitFor();
    await screenshot(page, 'history-compare');

    await page.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this version?' });
    await dialog.waitFor();
    await screenshot(page, 'history-restore-confirm');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.waitForURL(`**/notes/${note.noteId}`);
    await page.getByLabel('Content').waitFor();
    expect(await page.getByLabel('Content').inputValue()).toBe('First draft\n\nTrain at 9');
  });
  // A new version, and the text it replaced (version 3's) is now in the history too.
  const after = await api('GET', `/notes/${note.noteId}`);
  expect(after).toMatchObject({ version: 4, content: 'First draft\n\nTrain at 9' });
  const history = await api<{ items: { revision: number }[] }>('GET', `/notes/${note.noteId}/revisions`);
  expect(history.items.map((r) => r.revision)).toEqual([3, 2, 1]);
});

it('works by keyboard at phone width', async () => {
  const user = await createTestUser(stack);
  const note = await noteWithHistory(apiAs(user));
  await inNewPage(browser(), viewports.phone, async (page) => {
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/notes/${note.noteId}/history`);
    await versionButton(page, 2).waitFor();
    await screenshot(page, 'history');
    await versionButton(page, 1).focus();
    await page.keyboard.press('Enter');
    // Focus follows the choice to the version shown (below the list on a phone).
    await page.getByRole('heading', { name: 'Version 1', level: 2 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Version 1');
    await page.getByRole('link', { name: 'Back to the note' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/notes/${note.noteId}`);
  });
});
