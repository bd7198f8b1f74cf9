/**
 * Public read-only links end to end against the local stack: the owner shares a Markdown note
 * with an attachment from the editor's Share dialog; a fresh browser context with no session opens
 * the link, sees the rendered note and downloads the file byte-identical; the owner revokes; the
 * reader reloads and sees the not-available page. The public page is audited (a11y.ts) at desktop
 * and phone width, light and dark.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(360_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

async function api<T>(user: TestUser, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${user.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A note with a ready attachment, made through the API (the attachments e2e covers the UI). */
async function noteWithFile(user: TestUser, bytes: Buffer): Promise<string> {
  const note = await api<{ noteId: string }>(user, 'POST', '/notes', {
    title: 'Estuary walk',
    content: '## Meeting point\n\nThe **old ferry steps**, 9:00.\n\n- [x] permit\n- [ ] tide table\n\n<script>alert("no")</script>',
  });
  const upload = await api<{ uploadUrl: string; uploadFields: Record<string, string> }>(user, 'POST', `/notes/${note.noteId}/attachments`, {
    fileName: 'route.gpx',
    contentType: 'application/octet-stream',
    size: bytes.length,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.uploadFields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), 'route.gpx');
  expect((await fetch(upload.uploadUrl, { method: 'POST', body: form })).status).toBeLessThan(300);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = await api<{ attachments: { status: string }[] }>(user, 'GET', `/notes/${note.noteId}`);
    if (current.attachments[0]?.status === 'ready') return note.noteId;
    if (Date.now() > deadline) throw new Error('the attachment never became ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('the owner shares a note; a reader without a session reads it and downloads its file; a revoke takes it away', async () => {
  const owner = await createTestUser(stack);
  const bytes = randomBytes(64_000);
  const noteId = await noteWithFile(owner, bytes);

  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, owner);
    await page.goto(`${stack.webUrl}/notes/${noteId}`);
    await page.getByLabel('Content').waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share a read-only link' });
    await dialog.getByText('No links yet.').waitFor();
    await dialog.getByLabel('Expires').selectOption({ label: '30 days' });
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const url = await dialog.getByLabel('New link (shown only now)').inputValue();
    expect(url).toMatch(new RegExp(`^${stack.webUrl}/s/[A-Za-z0-9_-]{43}$`));
    await dialog.getByText(/0 views · expires/).waitFor();
    await screenshot(page, 'share-dialog');
    const sharedMarker = page.getByRole('list', { name: 'Notes' }).getByRole('img', { name: 'Shared by link' });

    await inNewPage(browser(), viewports.desktop, async (reader, readerErrors) => {
      await reader.goto(url);
      await reader.getByRole('heading', { name: 'Estuary walk', level: 1 }).waitFor();
      await reader.getByRole('heading', { name: 'Meeting point', level: 2 }).waitFor();
      expect(await reader.locator('strong').first().textContent()).toBe('old ferry steps');
      // Raw HTML in the note is shown as text, never run.
      await reader.getByText('<script>alert("no")</script>').waitFor();
      // The page brought no session and no auth SDK along.
      expect(await reader.evaluate(() => Object.keys(localStorage).length)).toBe(0);
      const scripts = await reader.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(m?js|tsx?)(\?|$)/.test(n)));
      expect(scripts.filter((s) => /cognito|note-editor|markdown-preview/.test(s))).toEqual([]);
      await screenshot(reader, 'share-page');

      const downloadEvent = reader.waitForEvent('download');
      await reader.getByRole('link', { name: 'route.gpx' }).click();
      const download = await downloadEvent;
      expect(download.suggestedFilename()).toBe('route.gpx');
      expect(Buffer.compare(fs.readFileSync((await download.path())!), bytes)).toBe(0);

      // The owner's list counts the read (at least once: the dev server's StrictMode runs the
      // page's effect twice, and the first request may have left before it was aborted).
      await dialog.getByRole('button', { name: 'Done' }).click();
      // The notes list marks the note as shared.
      await sharedMarker.waitFor();
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await dialog.getByText(/[1-9]\d* views? · expires/).waitFor();
      // Revoke, with a confirmation.
      await dialog.getByRole('button', { name: /^Revoke the link created/ }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke this link?' });
      await screenshot(page, 'share-revoke-confirm');
      await confirm.getByRole('button', { name: 'Revoke' }).click();
      await dialog.getByText('No links yet.').waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await sharedMarker.waitFor({ state: 'detached' });

      await reader.reload();
      await reader.getByRole('heading', { name: 'This link is not available', level: 1 }).waitFor();
      expect(await reader.getByText('Estuary walk').count()).toBe(0);
      await screenshot(reader, 'share-unavailable');
      expect(readerErrors).toEqual([]);
    });
    expect(errors).toEqual([]);
  });
});

it('the public page is readable at phone width, and every unknown link gets the not-available page', async () => {
  const owner = await createTestUser(stack);
  const note = await api<{ noteId: string }>(owner, 'POST', '/notes', { title: 'A long title that has to wrap on a narrow phone screen', content: `${'A sentence of the note. '.repeat(40)}\n\n| a | b |\n|---|---|\n| 1 | 2 |` });
  const { url } = await api<{ url: string }>(owner, 'POST', `/notes/${note.noteId}/shares`, {});
  await inNewPage(browser(), viewports.phone, async (reader, errors) => {
    await reader.goto(url);
    await reader.getByRole('heading', { name: /A long title/, level: 1 }).waitFor();
    // No horizontal scrolling of the page itself.
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(reader, 'share-page');
    await reader.goto(`${stack.webUrl}/s/not-a-real-token`);
    await reader.getByRole('heading', { name: 'This link is not available', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });
});
