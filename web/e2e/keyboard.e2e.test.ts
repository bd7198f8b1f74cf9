/**
 * The main flow with the keyboard alone — no clicks, no mouse: sign up → confirm → sign in →
 * create → edit → attach → delete → undo → trash → restore → API key → sign out. Each control is
 * reached with Tab / Shift+Tab and used with Enter; focus is visible on every control reached, is
 * never dropped to the page after a dialog closes or an item leaves, and dialogs keep it inside.
 */
import type { Locator, Page } from 'playwright-core';
import { readConfirmationCode, uniqueEmail } from '@jotter/tools/testing/users';
import { screenshot } from './browser';
import { inNewPage, saved, stack, suiteBrowser } from './steps';
import { viewports } from './viewports';

jest.setTimeout(300_000);

const browser = suiteBrowser();
const password = 'Correct-horse-42';

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}) {
  await target.waitFor();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return expectFocusVisible(page);
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} × ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target.toString()}`);
}

/**
 * The focused element shows a focus indicator (an outline or a ring; in a text field the caret
 * counts, as in the editor's borderless title and content), and it is not the page itself.
 */
async function expectFocusVisible(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'body', visible: false };
    const style = getComputedStyle(el);
    const caret = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'email', 'password', 'search'].includes(el.type));
    const ring = caret || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { element: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`, visible: ring };
  });
  expect(focus).toEqual({ element: focus.element, visible: true });
}

/** Focus is somewhere in the content, not dropped to <body>. */
async function expectFocusKept(page: Page) {
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
}

it('walks sign-up to sign-out with the keyboard alone', async () => {
  const email = uniqueEmail();
  await inNewPage(browser(), viewports.desktop, async (page, errors) => {
    // Sign up.
    await page.goto(`${stack.webUrl}/sign-up`);
    await tabTo(page, page.getByLabel('Email', { exact: true }));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    // Confirm with the code from the local Cognito log.
    await page.waitForURL(/\/confirm\?email=/);
    const code = await readConfirmationCode(stack, email);
    await tabTo(page, page.getByLabel('Confirmation code'));
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');

    // Sign in (the email is filled in already).
    await page.waitForURL(/\/sign-in\?email=/);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/notes');
    await page.getByText('No notes yet').first().waitFor();

    // Create with `n`: the title has focus; Enter moves to the content.
    await page.keyboard.press('n');
    await page.waitForURL('**/notes/new');
    await expect(page.getByLabel('Title', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Keyboard only');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Written without a mouse');
    await saved(page);
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    // Known issue (docs/accessibility.md): when the first save gives the note its URL, the editor
    // is mounted again and focus falls back to the page; the user Tabs back to the content.
    await tabTo(page, page.getByLabel('Content'));
    await page.keyboard.press('End');

    // Edit.
    await page.keyboard.type(', and edited.');
    await saved(page);
    expect(await page.getByLabel('Content').inputValue()).toBe('Written without a mouse, and edited.');

    // Attach: the button opens the file picker on Enter.
    const attach = page.getByRole('button', { name: 'Attach files' });
    await tabTo(page, attach, { backwards: true });
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'keys.txt', mimeType: 'text/plain', buffer: Buffer.from('typed, not clicked\n') });
    await page.getByRole('list', { name: 'Attachments' }).getByRole('listitem').filter({ hasText: 'keys.txt' }).getByText('Ready').waitFor({ timeout: 30_000 });

    // Delete: focus goes to the toast's Undo; Enter brings the note back.
    await tabTo(page, page.getByRole('button', { name: 'Move to trash' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/notes');
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await expect(undo.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectFocusVisible(page);
    await screenshot(page, 'keyboard-undo-focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await page.getByLabel('Content').waitFor();
    await expectFocusKept(page);

    // Delete again, then go to the trash through the main navigation.
    await tabTo(page, page.getByRole('button', { name: 'Move to trash' }));
    await page.keyboard.press('Enter');
    await undo.waitFor();
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }), { backwards: true, max: 60 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/trash');

    // The delete-forever dialog keeps focus inside, closes on Esc, and gives focus back.
    const deleteForever = page.getByRole('button', { name: 'Delete forever: Keyboard only' });
    await tabTo(page, deleteForever);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete forever?' });
    await dialog.waitFor();
    for (let i = 0; i < 5; i++) {
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(deleteForever.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // Restore: the row leaves, focus stays on the page (the heading once the trash is empty).
    await tabTo(page, page.getByRole('button', { name: 'Restore Keyboard only' }), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByText('Trash is empty').waitFor();
    await expectFocusKept(page);

    // An API key: create, dismiss the value, revoke (with the dialog's keyboard path).
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developer' }), { backwards: true, max: 60 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/developer');
    await tabTo(page, page.getByLabel('New key name'));
    await page.keyboard.type('Keyboard sync');
    await page.keyboard.press('Enter');
    await page.getByTestId('new-key-value').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Done' }), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('new-key-value').waitFor({ state: 'detached' });
    await expectFocusKept(page);
    await tabTo(page, page.getByRole('button', { name: 'Revoke Keyboard sync' }));
    await page.keyboard.press('Enter');
    const revokeDialog = page.getByRole('dialog', { name: 'Revoke this key?' });
    await revokeDialog.waitFor();
    await tabTo(page, revokeDialog.getByRole('button', { name: 'Revoke key' }));
    await page.keyboard.press('Enter');
    await page.getByText('No keys yet.').waitFor();
    await expectFocusKept(page);

    // Sign out.
    await tabTo(page, page.getByRole('button', { name: 'Sign out' }), { backwards: true, max: 60 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in');
    await page.getByText('You signed out').waitFor();
    expect(errors).toEqual([]);
  });
});
