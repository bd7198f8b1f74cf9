/**
 * Auth end to end against the local stack (cognito-local + API + Vite): sign up → confirm with the
 * code from the cognito log → sign in → reload stays signed in → sign out; wrong password message.
 */
import type { Page } from 'playwright-core';
import { readConfirmationCode, uniqueEmail } from '@jotter/tools/testing/users';
import { newPage, screenshot, viewports } from './browser';
import { stack, suiteBrowser } from './steps';

jest.setTimeout(240_000); // each new page-state is audited by axe in 4 views (a11y.ts)

const browser = suiteBrowser('The local stack did not start the web app (web/index.html missing?)');

const password = 'Correct-horse-42';

/** Opens the forgot-password and reset-password pages in turn and screenshots each. */
async function screenshotPasswordPages(page: Page) {
  await page.goto(`${stack.webUrl}/forgot-password`);
  await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
  await screenshot(page, 'auth-forgot-password');
  await page.goto(`${stack.webUrl}/reset-password?email=someone%40example.com`);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await screenshot(page, 'auth-reset-password');
}

it('signs up, confirms with the logged code, signs in, survives a reload, and signs out', async () => {
  const { context, page, errors } = await newPage(browser());
  const email = uniqueEmail();
  try {
    // Protected route → sign-in, remembering where we were going.
    await page.goto(`${stack.webUrl}/trash`);
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await screenshot(page, 'auth-sign-in');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await screenshot(page, 'auth-sign-up');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password', { exact: true }).press('Enter');

    await page.waitForURL(/\/confirm\?email=/);
    await page.getByText('Running locally').waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(email);
    await screenshot(page, 'auth-confirm');

    // A wrong code first: the message is human.
    await page.getByLabel('Confirmation code').fill('000000');
    await page.getByRole('button', { name: 'Confirm email' }).click();
    await page.getByRole('alert').waitFor();
    const code = await readConfirmationCode(stack, email);
    if (code !== '000000') await expect(page.getByRole('alert').textContent()).resolves.toMatch(/code is not right/);
    await page.getByLabel('Confirmation code').fill(code);
    await page.getByLabel('Confirmation code').press('Enter');

    await page.waitForURL(/\/sign-in\?email=/);
    await page.getByText('Email confirmed').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/notes');
    await expect(page.getByTestId('signed-in-email').textContent()).resolves.toBe(email);

    // The session survives a reload (the library's localStorage session).
    await page.reload();
    await page.getByTestId('signed-in-email').waitFor();
    expect(page.url()).toMatch(/\/notes$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByText('You signed out').waitFor();
    await page.goto(`${stack.webUrl}/notes`);
    await page.waitForURL('**/sign-in');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('shows a human message for a wrong password, and the auth pages at phone width', async () => {
  const { context, page, errors } = await newPage(browser(), viewports.phone);
  try {
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail());
    await page.getByLabel('Password', { exact: true }).fill('Not-the-password-1');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Wrong email or password/);
    await screenshot(page, 'auth-sign-in-error');
    await screenshot(page, 'auth-sign-in');

    await page.goto(`${stack.webUrl}/sign-up`);
    await page.getByLabel('Password', { exact: true }).fill('abcdefghij');
    await screenshot(page, 'auth-sign-up');
    await page.goto(`${stack.webUrl}/confirm?email=someone%40example.com`);
    await page.getByText('Running locally').waitFor();
    await screenshot(page, 'auth-confirm');
    await screenshotPasswordPages(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

it('shows the forgot/reset password pages at desktop width', async () => {
  const { context, page } = await newPage(browser());
  try {
    await screenshotPasswordPages(page);
  } finally {
    await context.close();
  }
});
