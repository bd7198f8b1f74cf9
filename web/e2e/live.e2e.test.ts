/**
 * Live sync in the browser: two tabs (browser contexts) of the same user. An edit saved in one
 * shows in the other within 1 s without a reload; with unsaved text in the other, the conflict
 * banner opens at once (its own save is held back, so only the live event can open it).
 */
import type { Page } from 'playwright-core';
import type { Note } from '@jotter/shared/notes';
import { apiClient } from '@jotter/tools/testing/api';
import { createTestUser } from '@jotter/tools/testing/users';
import { screenshot, viewports } from './browser';
import { inNewPage, saved, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(300_000);

const browser = suiteBrowser();
const live = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Live\s*$/ }).waitFor();

it('shows an edit from another tab within 1 s, and a conflict at once when this tab has unsaved text', async () => {
  const user = await createTestUser(stack);
  const api = apiClient(stack, user.accessToken);
  const note = (await api.post<Note>('/notes', { title: 'Trip', content: 'Passports' })).body!;
  await inNewPage(browser(), viewports.desktop, (first) =>
    inNewPage(browser(), viewports.desktop, async (second, errors) => {
      for (const page of [first, second]) {
        await signIn(page, user);
        await page.goto(`${stack.webUrl}/notes/${note.noteId}`);
        await page.getByLabel('Content').waitFor();
        await live(page);
      }
      await screenshot(second, 'live-indicator');

      await first.getByLabel('Content').fill('Passports, tickets');
      await saved(first);
      const savedAt = Date.now();
      await second.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Content"]')?.value === 'Passports, tickets', undefined, { timeout: 5_000 });
      expect(Date.now() - savedAt).toBeLessThanOrEqual(1_000);
      await second.getByRole('link', { name: /Trip/ }).first().waitFor();

      // The second tab's own save is held: a banner can only come from the live event.
      await second.route(`**/api/notes/${note.noteId}`, (route) => (route.request().method() === 'PUT' ? undefined : route.fallback()));
      await second.getByLabel('Content').fill('Passports, tickets, sunscreen');
      const current = (await api.get<Note>(`/notes/${note.noteId}`)).body!;
      const other = await api.put<Note>(`/notes/${note.noteId}`, { title: 'Trip', content: 'Passports, tickets, maps', version: current.version });
      expect(other.status).toBe(200);
      const writtenAt = Date.now();
      await second.getByText('This note changed elsewhere').waitFor({ timeout: 5_000 });
      // "At once" = from the live event, before any save of this tab (its PUT is held above, and every
      // request to the note goes through the test's route handler, which adds its own latency); the
      // 1 s delivery budget itself is the first check above and the bench's p95.
      expect(Date.now() - writtenAt).toBeLessThanOrEqual(2_000);
      expect(await second.getByLabel('Content').inputValue()).toBe('Passports, tickets, sunscreen');
      await screenshot(second, 'live-conflict');
      expect(errors).toEqual([]);
    }),
  );
});
