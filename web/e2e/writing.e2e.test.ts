/**
 * Writing in Chromium against the local stack: Markdown preview with a table and a task list (tick,
 * reload, still ticked); saving through a network outage (offline notice, back online, "Saved", the
 * text on the server, and a reload while offline restoring the draft); the small things (page
 * titles, focus after navigation, `?` shortcuts, Attach reachable at phone width).
 */
import type { Page } from 'playwright-core';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, saved, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(120_000);

const browser = suiteBrowser();

async function apiGet<T>(user: TestUser, path: string): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${path}`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const noteIdOf = (page: Page) => /\/notes\/([0-9a-f-]{36})$/.exec(page.url())?.[1];

const markdown = ['| Item | Qty |', '| --- | --- |', '| Milk | 2 |', '', '- [ ] eggs', '- [ ] tea', '', 'Visit <https://example.com> ~~now~~'].join('\n');

it('renders Markdown in preview; a ticked task is saved and still ticked after a reload', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    expect(await page.title()).toBe('Notes · Jotter');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Shopping');
    await page.getByLabel('Content').fill(markdown);
    await saved(page);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    expect(await page.title()).toBe('Shopping · Jotter');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('markdown-preview');
    await preview.getByRole('cell', { name: 'Milk' }).waitFor();
    expect(await preview.getByRole('link', { name: 'https://example.com' }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(await preview.locator('del').textContent()).toBe('now');
    await screenshot(page, 'markdown-preview');

    await preview.getByRole('checkbox').nth(1).click();
    await saved(page);
    expect(await preview.getByRole('checkbox').nth(1).isChecked()).toBe(true);
    const onServer = await apiGet<{ content: string }>(user, `/notes/${noteIdOf(page)}`);
    expect(onServer.content).toBe(markdown.replace('- [ ] tea', '- [x] tea'));

    await page.reload();
    // The preview is remembered as the way to open notes.
    await page.getByTestId('markdown-preview').getByRole('checkbox').first().waitFor();
    expect(await page.getByTestId('markdown-preview').getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([false, true]);
    await page.keyboard.press('Control+e');
    expect(await page.getByLabel('Content').inputValue()).toBe(markdown.replace('- [ ] tea', '- [x] tea'));
    expect(errors).toEqual([]);
  });
});

it('keeps typing through a network outage: offline notice, then Saved when back online, and a reload while offline keeps the draft', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Train notes');
    await page.getByLabel('Content').fill('Leaving the station.');
    await saved(page);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const noteId = noteIdOf(page)!;

    await page.context().setOffline(true);
    await page.getByLabel('Content').press('End');
    await page.keyboard.type(' Tunnel.');
    await page.getByText('Offline — changes are kept on this device').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0); // not an error
    await screenshot(page, 'editor-offline');

    // A reload while the API cannot be reached (the page itself has to load: there is no service
    // worker) opens the note from the draft on this device, and saves it once the API answers again.
    // The app calls the API on its own origin (/api, proxied to the stage as CloudFront does).
    const appApi = `${stack.webUrl}/api/**`;
    await page.route(appApi, (route) => route.abort('internetdisconnected'));
    await page.context().setOffline(false);
    await page.reload();
    await page.getByText('Restored unsaved changes from this device.').waitFor();
    expect(await page.getByLabel('Content').inputValue()).toBe('Leaving the station. Tunnel.');
    await page.getByText('Offline — changes are kept on this device').waitFor();
    await page.unroute(appApi);
    await page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ }).waitFor({ timeout: 20_000 }); // the next retry (backoff)
    expect((await apiGet<{ content: string }>(user, `/notes/${noteId}`)).content).toBe('Leaving the station. Tunnel.');

    await page.context().setOffline(true);
    await page.getByLabel('Content').press('End');
    await page.keyboard.type(' Out again.');
    await page.getByText('Offline — changes are kept on this device').waitFor();
    await page.keyboard.type(' Still typing.');
    await page.context().setOffline(false);
    await saved(page);
    const onServer = await apiGet<{ content: string }>(user, `/notes/${noteId}`);
    expect(onServer.content).toBe('Leaving the station. Tunnel. Out again. Still typing.');
    const list = await apiGet<{ items: unknown[] }>(user, '/notes');
    expect(list.items).toHaveLength(1); // nothing duplicated
    expect(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});

it('shows keyboard shortcuts on ?, moves focus to the page after navigation, and keeps Attach reachable at phone width', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.phone, async (page) => {
    await signIn(page, user);
    await page.getByRole('button', { name: 'New', exact: true }).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByText('New note').count()).toBe(1);
    await screenshot(page, 'keyboard-shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Receipt');
    await page.getByLabel('Content').fill('Lunch');
    await saved(page);
    const attach = page.getByRole('button', { name: /Attach/ });
    await attach.waitFor();
    const box = await attach.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewports.phone.width);
    await screenshot(page, 'editor-toolbar');

    await page.getByRole('link', { name: 'Trash' }).click();
    await page.waitForURL('**/trash');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Trash');
    expect(await page.title()).toBe('Trash · Jotter');
  });
});
