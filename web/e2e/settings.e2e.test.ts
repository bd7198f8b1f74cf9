/**
 * The Settings page end to end: export the notes and download the ZIP, import a ZIP of Markdown
 * files and read what was skipped, then delete the account and land on the sign-in page with the
 * old token refused.
 */
import { createTestUser } from '@jotter/tools/testing/users';
import { apiClient } from '@jotter/tools/testing/api';
import { craftZip } from '@jotter/tools/testing/zip';
import { screenshot, viewports } from './browser';
import { inNewPage, signIn, stack, suiteBrowser } from './steps';

jest.setTimeout(300_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser();

it('exports and downloads a ZIP, imports a file, and deletes the account', async () => {
  const user = await createTestUser(stack);
  const owner = apiClient(stack, user.accessToken);
  expect((await owner.post('/notes', { title: 'Packing list', content: 'socks' })).status).toBe(201);

  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    await signIn(page, user);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Export all notes' }).click();
    const link = page.getByRole('link', { name: 'Download the export (ZIP)' });
    await link.waitFor({ timeout: 60_000 });
    const zip = Buffer.from(await (await fetch((await link.getAttribute('href'))!)).arrayBuffer());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('Packing list.md'))).toBe(true);
    await screenshot(page, 'settings-export-ready');

    const archive = craftZip([
      { name: 'Imported.md', data: '# From elsewhere\n\nhello' },
      { name: 'photo.png', data: 'not a note' },
    ]);
    await page.getByLabel('ZIP file').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: archive });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 note').waitFor();
    await page.getByText(/photo\.png: not a \.md or \.txt file/).waitFor();
    const titles = ((await owner.get('/notes')).body as { items: { title: string }[] }).items.map((n) => n.title).sort();
    expect(titles).toEqual(['From elsewhere', 'Packing list']);
    await screenshot(page, 'settings-imported');

    // Nothing happens until the phrase is typed (the button is aria-disabled; Enter says why).
    const phrase = page.getByLabel('Type "delete my account" to confirm');
    await phrase.fill('delete my acount');
    await phrase.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Type "delete my account" to confirm.' }).waitFor();
    expect((await owner.get('/notes')).status).toBe(200);
    await phrase.fill('delete my account');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Your account and all its notes were deleted.').waitFor();
    expect((await owner.get('/notes')).status).toBe(401);
    expect(errors).toEqual([]);
  });
});
