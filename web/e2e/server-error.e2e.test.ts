/**
 * A server error, end to end: the page names the failed request ("Reference: …") and that id leads
 * to the API's log lines for it. The error is real, not staged by the API: the test corrupts its
 * own note's item in DynamoDB Local (its attachment list becomes a number), so reading it throws in
 * the handler, as data written by a buggy older release would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiClient } from '@jotter/tools/testing/api';
import { eventually } from '@jotter/tools/testing/processes';
import { setStoredAttributes } from '@jotter/tools/testing/table';
import { createTestUser } from '@jotter/tools/testing/users';
import { viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(120_000);

const browser = suiteBrowser();

/** The API's log lines (JSON, after the stack's timestamp) that carry `requestId`. */
function apiLogLines(requestId: string): Record<string, unknown>[] {
  const file = path.join(stack.logsDir, 'api.log');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(requestId))
    .flatMap((line) => {
      const json = line.slice(line.indexOf('{'));
      try {
        return [JSON.parse(json) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

it('shows "Reference: <request id>" for a server error, and the API log has that request’s error', async () => {
  const user = await createTestUser(stack);
  const created = await apiClient(stack, user.accessToken).post<{ noteId: string }>('/notes', { title: 'Unreadable', content: 'x' });
  expect(created.status).toBe(201);
  const noteId = created.body!.noteId;
  await setStoredAttributes(stack, { pk: `USER#${user.sub}`, sk: `NOTE#${noteId}` }, { attachments: { N: '1' } });

  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/notes/${noteId}`);
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't open this note" });
    await alert.waitFor();
    const text = await alert.innerText();
    const reference = /Reference: (\S+)/.exec(text)?.[1];
    expect({ text, reference }).toEqual({ text, reference: expect.stringMatching(/\S{8,}/) });

    // The same id is on the API's log lines of that request: its route, the 500 and the cause.
    const lines = await eventually('the API log lines of the request', 10_000, async () => {
      const found = apiLogLines(reference!);
      return found.some((l) => l.message === 'request') ? found : undefined;
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', message: 'unhandled error', requestId: reference, route: 'GET /notes/{noteId}', sub: user.sub }),
        expect.objectContaining({ message: 'request', requestId: reference, status: 500 }),
      ]),
    );
    expect(errors).toEqual([]);
  });
});
