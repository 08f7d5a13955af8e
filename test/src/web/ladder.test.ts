// The escalation ladder in a real browser: the administrator sets a stage's limit the server
// refuses, is shown why, fixes it, sees when the stage would be due if it started now, and saves a
// new version; a DSL is neither offered the editor nor shown it.

import { describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const env = browserAppForFile();
describe('the ladder editor', () => {
  it('saves a new version once the administrator fixes a limit the server refuses; a DSL may not see it', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Ladder', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Escalation ladder');
    const caption = await page.locator('caption').first().textContent();
    const before = Number(/version (\d+)/.exec(caption ?? '')?.[1]);
    expect(before).toBeGreaterThan(0);
    await capture(page, 'ladder');

    await page.getByLabel('Stage 1 time limit').fill('0');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Stage 1: The time limit must be a whole number more than 0');
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#stages.0.limitAmount');
    expect(await page.locator('#stages\\.0\\.limitAmount-error').textContent()).toContain('more than 0');
    await capture(page, 'ladder-errors');

    await page.getByLabel('Stage 1 time limit').fill('3');
    await page.getByLabel('Stage 1 counted in').selectOption('WORKING_DAYS');
    await expect.poll(() => page.locator('[data-preview="1"]').textContent()).toMatch(/If it started now, stage 1 would be due by \d+ \w+ \d{4}/);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain(`Version ${before + 1} of the ladder saved`);
    expect(await page.locator('caption').first().textContent()).toContain(`version ${before + 1}`);
    expect(await page.getByRole('table').first().textContent()).toContain('3 working days');
    await capture(page, 'ladder-saved');
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();

    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    expect(await dsl.getByRole('link', { name: 'Ladder', exact: true }).count()).toBe(0);
    await dsl.goto('/admin/ladder');
    await expect.poll(() => heading(dsl)).toBe('You do not have permission to see this page');
    await dsl.context().close();
  });
});
