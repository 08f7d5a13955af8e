// Signing in and out in a real browser, and what a person sees when their session ends.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { capture, launchBrowser, newPage, signIn } from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('signing in', () => {
  it('sends a person without a session to sign in, and shows each problem with the form', async () => {
    const page = await newPage(browser, app.url);
    await page.goto('/');
    await expect.poll(() => page.url()).toBe(`${app.url}/sign-in`);
    await expect.poll(() => heading(page).textContent()).toBe('Sign in to Wraparound');
    await capture(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Enter your email address');
    expect(await summary.textContent()).toContain('Enter your password');
    expect(await page.title()).toBe('Error: Sign in to Wraparound – Wraparound');
    // The summary takes focus; its links move focus to the field.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await capture(page, 'sign-in-errors');

    await page.getByLabel('Email address').fill(OAK.dsl);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#email-error').textContent()).toMatch(/email address or password/i);
    await page.context().close();
  });

  it('signs a DSL in with the keyboard and out again', async () => {
    const page = await newPage(browser, app.url);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(OAK.dsl);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Correct-Horse-Battery-Staple-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toContain('What needs you now');
    // The session is an HTTP-only cookie: the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByRole('link', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in to Wraparound');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('You have signed out.');
    await page.goto('/');
    await expect.poll(() => page.url()).toBe(`${app.url}/sign-in`);
    await page.context().close();
  });

  it('tells a person who goes to a page their role cannot use that they may not see it', async () => {
    const page = await newPage(browser, app.url);
    await signIn(page, OAK.staff);
    await page.goto('/children/Q2hpbGQ6eA==/disagreements/new');
    await expect.poll(() => heading(page).textContent()).toBe('You do not have permission to see this page');
    await capture(page, 'not-permitted');
    await page.context().close();
  });

  it('tells a person whose session ended why they are back at sign-in', async () => {
    const page = await newPage(browser, app.url);
    await signIn(page, OAK.dsl);
    await page.getByRole('link', { name: 'Find a child' }).first().click();
    app.advanceClock(31 * 60_000);
    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in to Wraparound');
    const banner = page.locator('.govuk-notification-banner');
    expect(await banner.textContent()).toContain('Your session has ended because it was not used for a while.');
    await capture(page, 'sign-in-session-ended');

    // Coming back later to an ended session says the same.
    await signIn(page, OAK.dsl);
    app.advanceClock(31 * 60_000);
    await page.goto('/');
    await expect.poll(() => banner.textContent()).toContain('Your session has ended');
    await page.context().close();
  });
});
