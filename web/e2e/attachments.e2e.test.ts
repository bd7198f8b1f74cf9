/**
 * Attachments end to end against the local stack (API + s3rver + its ObjectCreated events):
 * sign in → new note → attach a 3 MB file with the picker (progress bar visible, upload throttled
 * so it is) → S3's event marks it ready → download it back (same bytes) → a too-big file is
 * refused before uploading → drag and drop → a failed upload is retried → delete. Screenshots of
 * the attachments UI at desktop and phone width go to e2e-artifacts/screenshots.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestUser, type TestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, saved, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(360_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

const attachmentsList = (page: Page) => page.getByRole('list', { name: 'Attachments' });
const row = (page: Page, name: string) => attachmentsList(page).getByRole('listitem').filter({ hasText: name });

/** Slows uploads down (bytes/s) so the progress bar is on screen long enough to see. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return () => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/** Every aria-valuenow any progress bar showed, recorded in the page. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const record = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) seen.push(Number(bar.getAttribute('aria-valuenow')));
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

async function api<T>(user: TestUser, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${user.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
}

type NoteBody = { noteId: string; attachments: { attachmentId: string; fileName: string; status: string; size: number }[] };

it('uploads with a progress bar, becomes ready, downloads the same bytes, refuses big files, retries, deletes', async () => {
  const user = await createTestUser(stack);
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.waitForURL('**/notes/new');
    await page.getByLabel('Title', { exact: true }).fill('Field trip');
    await page.getByLabel('Content').fill('Recordings and the permit from Saturday’s walk along the estuary. The audio is rough; the permit is the signed copy.');
    await saved(page);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const noteId = page.url().split('/').pop()!;

    // The picker is a real button (a file chooser opens).
    const bytes = randomBytes(3 * 1024 * 1024 + 12_345);
    const progressValues = await recordProgress(page);
    const unthrottle = await throttleUploads(page, 1_200_000);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({ name: 'estuary-recording.wav', mimeType: 'audio/wav', buffer: bytes });

    const bar = page.getByRole('progressbar', { name: 'Uploading estuary-recording.wav' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 30);
    await screenshot(page, 'attachments-uploading');
    await row(page, 'estuary-recording.wav').getByText('Ready').waitFor({ timeout: 30_000 });
    await unthrottle();
    const seen = await progressValues();
    expect(seen.some((v) => v > 0 && v < 99)).toBe(true); // in-between values, not just 0 → done
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(90);
    expect(await row(page, 'estuary-recording.wav').textContent()).toContain('3 MB');

    // The API agrees: ready, with the size S3 reported.
    const note = await api<NoteBody>(user, 'GET', `/notes/${noteId}`);
    expect(note.body.attachments).toEqual([expect.objectContaining({ fileName: 'estuary-recording.wav', status: 'ready', size: bytes.length })]);

    // Download it back: the same bytes, under its own name.
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download estuary-recording.wav' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('estuary-recording.wav');
    const downloaded = fs.readFileSync((await download.path())!);
    expect(Buffer.compare(downloaded, bytes)).toBe(0);
    expect(page.url()).toContain(noteId); // downloading doesn't leave the note

    // Too big: refused before anything is sent.
    const declared = [] as string[];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/attachments') && declared.push(r.url()));
    await page.getByTestId('attachment-input').setInputFiles([
      { name: 'disk-image.iso', mimeType: 'application/x-iso9660-image', buffer: Buffer.alloc(Math.round(12.3 * 1024 * 1024)) },
    ]);
    await page.getByRole('alert').filter({ hasText: 'disk-image.iso is 12.3 MB — files can be at most 10 MB.' }).waitFor();
    expect(declared).toEqual([]);
    await screenshot(page, 'attachments-too-big');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Drag and drop onto the note: the drop zone shows while dragging.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Permit 2291-B\nValid for the estuary path, Saturdays.\n'], 'permit.txt', { type: 'text/plain' }));
      return dt;
    });
    const note$ = page.locator('article').first();
    await note$.dispatchEvent('dragenter', { dataTransfer });
    await page.getByText('Drop to attach').waitFor();
    await screenshot(page, 'attachments-drop-zone');
    await note$.dispatchEvent('drop', { dataTransfer });
    await page.getByText('Drop to attach').waitFor({ state: 'hidden' });
    await row(page, 'permit.txt').getByText('Ready').waitFor({ timeout: 30_000 });

    // A failed upload (storage unreachable once) can be retried.
    let refused = 0;
    await page.route(
      (url) => url.href.startsWith(stack.s3Endpoint),
      (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        refused++;
        return route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByTestId('attachment-input').setInputFiles([{ name: 'map.png', mimeType: 'image/png', buffer: randomBytes(180_000) }]);
    await row(page, 'map.png').getByText('Upload failed').waitFor();
    expect(refused).toBe(1);
    await screenshot(page, 'attachments-failed');
    await page.getByRole('button', { name: 'Retry uploading map.png' }).click();
    await row(page, 'map.png').getByText('Ready').waitFor({ timeout: 30_000 });
    await screenshot(page, 'attachments-list');

    // Delete (with a confirmation).
    await page.getByRole('button', { name: 'Delete estuary-recording.wav' }).click();
    await page.getByRole('dialog', { name: 'Delete attachment?' }).waitFor();
    await screenshot(page, 'attachments-delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await row(page, 'estuary-recording.wav').waitFor({ state: 'detached' });
    const after = await api<NoteBody>(user, 'GET', `/notes/${noteId}`);
    expect(after.body.attachments.map((a) => [a.fileName, a.status]).sort()).toEqual([
      ['map.png', 'ready'],
      ['permit.txt', 'ready'],
    ]);
    // Still there after a reload, from the server's list.
    await page.reload();
    await row(page, 'permit.txt').getByText('Ready').waitFor();
    expect(await attachmentsList(page).getByRole('listitem').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});

it('is usable at phone width', async () => {
  const user = await createTestUser(stack);
  const created = await api<NoteBody>(user, 'POST', '/notes', { title: 'Receipts', content: 'Hotel and train tickets for the conference trip.' });
  await inNewPage(browser(), viewports.phone, async (page, errors) => {
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/notes/${created.body.noteId}`);
    await page.getByLabel('Content').waitFor();
    await page.getByTestId('attachment-input').setInputFiles([
      { name: 'hotel-invoice-march-conference.pdf', mimeType: 'application/pdf', buffer: randomBytes(240_000) },
      { name: 'train.jpg', mimeType: 'image/jpeg', buffer: randomBytes(90_000) },
    ]);
    await row(page, 'hotel-invoice-march-conference.pdf').getByText('Ready').waitFor({ timeout: 30_000 });
    await row(page, 'train.jpg').getByText('Ready').waitFor({ timeout: 30_000 });

    const unthrottle = await throttleUploads(page, 600_000);
    await page.getByTestId('attachment-input').setInputFiles([{ name: 'slides.zip', mimeType: 'application/zip', buffer: randomBytes(2 * 1024 * 1024) }]);
    await page.getByRole('progressbar', { name: 'Uploading slides.zip' }).waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 20);
    await attachmentsList(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'attachments-list');
    await row(page, 'slides.zip').getByText('Ready').waitFor({ timeout: 30_000 });
    await unthrottle();

    // The Attach button fits in the phone toolbar and opens the picker.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await chooser;
    expect(errors).toEqual([]);
  });
});
