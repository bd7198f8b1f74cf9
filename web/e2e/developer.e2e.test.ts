/**
 * The Developer page end to end: create an API key (value shown once), call the read-only /v1 API
 * with it from the test like an outside program would, see its usage rise on the page, revoke it,
 * and check the next /v1 request is refused.
 */
import { createTestUser } from '@jotter/tools/testing/users';
import { apiClient } from '@jotter/tools/testing/api';
import { screenshot, viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(300_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

it('creates a key, sees its /v1 usage, and revokes it', async () => {
  const user = await createTestUser(stack);
  const owner = apiClient(stack, user.accessToken);
  expect((await owner.post('/notes', { title: 'Shared through the API', content: 'hello' })).status).toBe(201);

  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.goto(`${stack.webUrl}/developer`);
    await page.getByText('No keys yet.').waitFor();

    await page.getByLabel('New key name').fill('Reading list sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    const value = (await page.getByTestId('new-key-value').textContent())?.trim() ?? '';
    expect(value).toMatch(/^jot_/);
    await screenshot(page, 'developer-new-key');

    // An outside program reads the owner's notes with the key.
    const program = apiClient(stack);
    for (let i = 0; i < 3; i++) {
      const response = await program.get('/v1/notes', { 'x-api-key': value });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ items: [expect.objectContaining({ title: 'Shared through the API' })] });
    }

    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Reading list sync/ });
    await row.getByTestId('usage-today').filter({ hasText: /^\s*3\s*$/ }).waitFor();
    await screenshot(page, 'developer-usage');

    await row.getByRole('button', { name: 'Revoke Reading list sync' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('No keys yet.').waitFor();

    const refused = await program.get('/v1/notes', { 'x-api-key': value });
    expect([401, 403]).toContain(refused.status);
    expect(refused.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(errors).toEqual([]);
  });
});
