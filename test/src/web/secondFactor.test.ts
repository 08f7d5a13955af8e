// Multi-factor sign-in in a real browser: a DSL in a partnership that asks for a second factor
// sets up an authenticator app at their first sign-in (from the key shown as text, as someone who
// cannot scan the QR code would), keeps their recovery codes, and signs in later with a code from
// the app and with a recovery code. Each screen is checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { codeAt, setPolicy } from '../support/secondFactor.ts';

const env = browserAppForFile();

async function password(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('link', { name: 'Sign out' }).click();
  await expect.poll(() => heading(page)).toBe('Sign in to Wraparound');
}

describe('signing in with an authenticator app', () => {
  it('sets up the app at first sign-in, then signs in with a code, and with a recovery code', async () => {
    const { app, browser } = env;
    await setPolicy(app, true);
    const page = await newPage(browser, app.url);

    await password(page, OAK.dsl);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Set up an authenticator app');
    const qr = page.getByRole('img', { name: /QR code for adding Wraparound to an authenticator app/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await capture(page, 'second-factor-set-up');
    const secret = ((await page.locator('.app-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A wrong code is shown against the field, and nothing is set up.
    await page.getByLabel('Code').fill('12');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#code-error').textContent()).toContain('Enter the 6-digit code from your authenticator app');
    await capture(page, 'second-factor-set-up-error');

    await page.getByLabel('Code').fill(await codeAt(app, secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page)).toBe('Save your recovery codes');
    const codes = (await page.locator('.app-recovery-codes li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await capture(page, 'second-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await expect.poll(() => heading(page)).toContain('What needs you now');
    await signOut(page);

    // The next sign-in asks for the code the app shows (a new one: the last was used).
    app.advanceClock(30_000);
    await password(page, OAK.dsl);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Enter the code from your authenticator app');
    await capture(page, 'second-factor-code');
    await page.keyboard.press('Tab');
    await page.getByLabel('Code').fill(await codeAt(app, secret, -1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#code-error').textContent()).toContain('This code has already been used');
    await page.getByLabel('Code').fill(await codeAt(app, secret));
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toContain('What needs you now');
    // The session is an HTTP-only cookie here too.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await signOut(page);

    // A lost phone: a recovery code, from the link on the code page.
    await password(page, OAK.dsl);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Enter the code from your authenticator app');
    await page.getByRole('link', { name: 'I cannot use my authenticator app: use a recovery code' }).click();
    await expect.poll(() => heading(page)).toBe('Enter a recovery code');
    await capture(page, 'second-factor-recovery-code');
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page)).toContain('What needs you now');
    await page.context().close();
  });

  it('sends someone who opens a code page without signing in to sign in', async () => {
    const page = await newPage(env.browser, env.app.url);
    await page.goto('/sign-in/code');
    await expect.poll(() => page.url()).toBe(`${env.app.url}/sign-in`);
    await page.context().close();
  });
});
