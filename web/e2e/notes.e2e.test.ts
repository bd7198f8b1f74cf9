/**
 * Notes end to end against the local stack: sign in → create → edit (autosave shows Saved) →
 * reload shows the edit → delete → undo → delete → restore from trash; plus the 409 conflict
 * banner (with its side-by-side Compare), keyboard shortcuts and phone layout. Screenshots go to
 * e2e-artifacts/screenshots.
 */
import type { Page } from 'playwright-core';
import type { Note } from '@jotter/shared/notes';
import { apiClient } from '@jotter/tools/testing/api';
import { createTestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, saved, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(300_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

const noteLink = (page: Page, title: string) => page.getByRole('list', { name: 'Notes' }).getByRole('link', { name: new RegExp(title) });

it('creates, edits, reloads, deletes, undoes, deletes and restores a note', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.getByText('No notes yet').first().waitFor();
    await screenshot(page, 'notes-empty');

    // `n` opens a new note (when not typing in a field).
    await page.keyboard.press('n');
    await page.waitForURL('**/notes/new');
    await page.getByLabel('Title', { exact: true }).fill('Groceries');
    await page.getByLabel('Title', { exact: true }).press('Enter'); // moves to the content
    await page.keyboard.type('Milk, eggs');
    await saved(page);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const noteUrl = page.url();
    await noteLink(page, 'Groceries').waitFor();

    // Edit: autosave after a pause, then "Saved".
    await page.getByLabel('Content').press('End');
    await page.keyboard.type(', bread');
    await page.getByText('Saving…').waitFor();
    await saved(page);
    await screenshot(page, 'notes-editor');

    await page.reload();
    await page.getByLabel('Content').waitFor();
    expect(await page.getByLabel('Content').inputValue()).toBe('Milk, eggs, bread');
    expect(page.url()).toBe(noteUrl);

    // A few more notes so the list looks like a list.
    for (const [title, content] of [
      ['Weekend plans', 'Hike the ridge trail on Saturday, farmers market Sunday morning.'],
      ['Reading list', 'The Left Hand of Darkness; A Pattern Language; Piranesi'],
    ] as const) {
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Content').fill(content);
      await saved(page);
      await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    }
    await page.goto(noteUrl);
    await page.getByLabel('Content').waitFor();
    await screenshot(page, 'notes-list-editor');

    // The filter narrows the loaded notes (`/` searches all of them: search.e2e.test.ts).
    await page.getByLabel('Filter notes', { exact: true }).fill('ridge');
    await page.getByText('1 of 3 loaded notes').waitFor();
    await screenshot(page, 'notes-filtered');
    await page.getByLabel('Filter notes', { exact: true }).press('Escape');

    // Delete → toast with Undo.
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL('**/notes');
    await page.getByText('Note moved to trash.').waitFor();
    await screenshot(page, 'notes-deleted-toast');
    expect(await noteLink(page, 'Groceries').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await noteLink(page, 'Groceries').waitFor();
    await page.waitForURL(noteUrl);

    // Delete again, then restore from the trash.
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('Note moved to trash.').waitFor();
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('list', { name: 'Deleted notes' }).waitFor();
    await screenshot(page, 'trash');
    await page.getByRole('button', { name: 'Delete forever: Groceries' }).click();
    await page.getByRole('dialog', { name: 'Delete forever?' }).waitFor();
    await screenshot(page, 'trash-confirm');
    await page.keyboard.press('Escape'); // Esc closes the dialog
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Restore Groceries' }).click();
    await page.getByText('Restored “Groceries”.').waitFor();
    await page.getByText('Trash is empty').waitFor();
    await page.getByRole('link', { name: 'Notes' }).first().click();
    await noteLink(page, 'Groceries').waitFor();
    expect(errors).toEqual([]);
  });
});

it('shows the conflict banner when the note changed elsewhere, compares theirs and mine, and overwrites with mine (keeping theirs in the history)', async () => {
  const user = await createTestUser(stack);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${user.accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as { noteId: string; version: number };
  };
  const note = await api('POST', '/notes', { title: 'Shared draft', content: 'Version one' });
  await inNewPage(browser(), viewports.desktop, async (page) => {
    // Without live sync (refused here), the other device's save is found out only at this tab's save: the 409 path.
    await page.routeWebSocket(stack.wsUrl, (ws) => ws.close());
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/notes/${note.noteId}`);
    await page.getByLabel('Content').waitFor();
    // Another device saves first.
    await api('PUT', `/notes/${note.noteId}`, { content: 'Their edit', version: note.version });
    await page.getByLabel('Content').fill('My edit');
    await page.getByText('This note changed elsewhere').waitFor();
    expect(await page.getByLabel('Content').inputValue()).toBe('My edit');
    await screenshot(page, 'notes-conflict');
    // Compare: theirs and mine side by side (the diff's chunk loads on demand).
    await page.getByRole('button', { name: 'Compare' }).click();
    const diff = page.getByRole('table', { name: 'The other version compared with yours' });
    await diff.getByRole('columnheader', { name: 'Theirs (saved)' }).waitFor();
    await diff.getByRole('cell', { name: /Removed: Their edit/ }).waitFor();
    await diff.getByRole('cell', { name: /Added: My edit/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Compare' }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'notes-conflict-compare');
    await page.getByRole('button', { name: 'Overwrite with mine' }).click();
    await saved(page);
    expect(await diff.count()).toBe(0);
    await page.reload();
    await page.getByLabel('Content').waitFor();
    expect(await page.getByLabel('Content').inputValue()).toBe('My edit');
  });
  // The overwrite kept the text it replaced (theirs) in the history, whatever the autosave window.
  const history = (await api('GET', `/notes/${note.noteId}/revisions`)) as unknown as { items: { contentPreview: string }[] };
  expect(history.items.map((r) => r.contentPreview)).toEqual(['Their edit', 'Version one']);
});

it('opens a note the list holds at once, and reopens it on a newer copy the revalidation brings', async () => {
  const user = await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  const note = (await api.post<Note>('/notes', { title: 'Packing', content: 'Tent' })).body!;
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await noteLink(page, 'Packing').waitFor();
    // The note's own read is held back until the note has changed on "another device".
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = `${stack.webUrl}/api/notes/${note.noteId}`;
    await page.route(read, async (route) => {
      await held;
      await route.continue();
    });
    await noteLink(page, 'Packing').click();
    await page.waitForURL(`**/notes/${note.noteId}`);
    expect(await page.getByLabel('Content').inputValue()).toBe('Tent');
    expect(await page.getByRole('status', { name: 'Loading note…' }).count()).toBe(0);

    await api.put(`/notes/${note.noteId}`, { content: 'Tent, stove', version: 1 });
    release();
    await page.waitForFunction(() => (document.querySelector('textarea[aria-label="Content"]') as HTMLTextAreaElement | null)?.value === 'Tent, stove');
    await page.unroute(read);
    expect(errors).toEqual([]);
  });
});

it('stacks list and detail at phone width', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.phone, async (page, errors) => {
    await signIn(page, user);
    await page.getByText('No notes yet').first().waitFor();
    await screenshot(page, 'notes-empty');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Ideas');
    await page.getByLabel('Content').fill('A notes app that feels calm. Small bundle, fast start, no spinners for things that are already here.');
    await saved(page);
    await screenshot(page, 'notes-editor');
    await page.getByRole('link', { name: 'Back to notes' }).click();
    await noteLink(page, 'Ideas').waitFor();
    await screenshot(page, 'notes-list');
    await page.goto(`${stack.webUrl}/trash`);
    await page.getByText('Trash is empty').waitFor();
    await screenshot(page, 'trash-empty');
    await page.goto(`${stack.webUrl}/status`);
    await page.getByText('Operational').waitFor();
    await screenshot(page, 'status');
    expect(errors).toEqual([]);
  });
});
