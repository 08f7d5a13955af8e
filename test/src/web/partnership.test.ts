// The partnership's officers in a real browser: the business manager chooses a period and reads
// every figure as a table named by its caption, each saying what it counts, with bar charts beside the tables (a DSL is neither offered the page nor shown it);
// the administrator sends a failed email again.

import { describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { referAConcern } from './support.ts';

const BUSINESS_MANAGER = 'business.manager@partnership.northmoor.example';
const ADMIN = 'partnership.admin@partnership.northmoor.example';
const env = browserAppForFile();
describe('partnership figures', () => {
  it('are read by the business manager as tables, for a period they choose', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, BUSINESS_MANAGER);
    await page.getByRole('link', { name: 'Figures' }).click();
    await expect.poll(() => heading(page)).toBe('Partnership figures');
    await capture(page, 'figures');

    const to = page.getByRole('group', { name: 'To' });
    await to.getByLabel('Day').fill('31');
    await to.getByLabel('Month').fill('2');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Enter the last day');
    await capture(page, 'figures-errors');

    const today = new Date();
    await to.getByLabel('Day').fill(String(today.getDate()));
    await to.getByLabel('Month').fill(String(today.getMonth() + 1));
    await page.getByRole('button', { name: 'Show figures' }).click();
    const bySource = page.getByRole('table', { name: 'Referrals by source agency' });
    await bySource.waitFor();
    expect(await bySource.textContent()).toContain('School');
    for (const name of [
      'Referrals and decisions', 'Referrals waiting for a decision now', 'Agencies asked and their answers', 'Disagreements opened and resolved',
      'Open disagreements by current stage', 'Notifications to schools', 'Patterns of concerns about a child',
    ]) {
      expect(await page.getByRole('table', { name }).count(), name).toBe(1);
    }
    // Beside the tables, bar charts of them: hidden from screen readers (the table says the same),
    // each naming its table, and a bar per row.
    const chart = page.locator('figure.app-chart', { hasText: 'Referrals by source agency' });
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('rect').count()).toBe(await bySource.locator('tbody tr').count());
    const onTime = page.getByRole('table', { name: 'Done on time' });
    expect(await onTime.textContent()).toContain('Referrals decided on time');
    // Each figure says beneath it what exactly it counts: what is still undecided after its
    // deadline is late, not left out.
    const definition = onTime.getByText(
      'Referrals made in this period. On time: decided by the decision deadline. Late: decided after it, or still undecided after it. Left out: those not yet due.',
    );
    expect(await definition.isVisible()).toBe(true);
    expect(await page.getByText('Referrals made in this period, by the type of agency that made them.').isVisible()).toBe(true);
    expect(await page.locator('figure.app-chart').count()).toBeGreaterThan(1);
    await capture(page, 'figures-shown');
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('are not offered to a DSL, and their address says the DSL may not see them', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, OAK.dsl);
    expect(await page.getByRole('link', { name: 'Figures' }).count()).toBe(0);
    await page.goto('/figures');
    await expect.poll(() => heading(page)).toBe('You do not have permission to see this page');
    await page.context().close();
  });
});

describe('failed emails', () => {
  it('are listed for the administrator, who sends one again', async () => {
    // A referral emails the front door; one of those emails fails for good.
    await referAConcern(env.app);
    const failed = await env.app.sql<{ id: string }>(
      `UPDATE notification SET status = 'FAILED', attempts = 8, "lastError" = 'EENVELOPE 550'
       WHERE id = (SELECT n.id FROM notification n JOIN "user" u ON u.id = n."recipientUserId" JOIN partnership p ON p.id = u."partnershipId"
                   WHERE n.channel = 'EMAIL' AND p.code = 'northmoor' ORDER BY n."createdAt" DESC LIMIT 1) RETURNING id`,
    );
    expect(failed.rowCount).toBe(1);
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Failed emails' }).click();
    await expect.poll(() => heading(page)).toBe('Emails that could not be delivered');
    const table = page.getByRole('table', { name: 'Failed emails' });
    await expect.poll(() => table.textContent()).toContain('EENVELOPE 550');
    await capture(page, 'failed-emails');

    await table.getByRole('button', { name: /^Send again/ }).first().click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('will be sent again');
    await expect.poll(() => table.textContent()).toContain('Every email has been delivered.');
    await capture(page, 'failed-emails-retried');
    const row = await env.app.db.notification.findUniqueOrThrow({ where: { id: failed.rows[0]!.id } });
    expect(row.status).toBe('PENDING');
    await page.context().close();
  });
});

describe('the working calendar', () => {
  it('is kept by the administrator: office hours, and closure days added and removed', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Calendar' }).click();
    await expect.poll(() => heading(page)).toBe('Working calendar');
    await capture(page, 'calendar');

    await page.getByLabel('Office closes').fill('08:00');
    await page.getByRole('button', { name: 'Save office hours' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('The office must close after it opens');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').last().textContent()).toContain('Enter what the closure is for');
    await capture(page, 'calendar-errors');

    await page.getByLabel('Office opens').fill('08:30');
    await page.getByLabel('Office closes').fill('17:30');
    await page.getByRole('button', { name: 'Save office hours' }).click();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Office hours and bank holidays saved');

    const closure = page.getByRole('group', { name: 'Date' });
    await closure.getByLabel('Day').fill('29');
    await closure.getByLabel('Month').fill('12');
    await closure.getByLabel('Year').fill('2027');
    await page.getByLabel('What is it for?').fill('Council closure between Christmas and New Year');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    const closures = page.getByRole('table', { name: 'Closure days' });
    await expect.poll(() => closures.textContent()).toContain('Council closure between Christmas and New Year');
    await capture(page, 'calendar-saved');
    const partnership = await env.app.db.partnership.findFirstOrThrow({ where: { code: 'northmoor' }, include: { closureDays: true } });
    expect(partnership.closureDays.some((d) => d.description === 'Council closure between Christmas and New Year')).toBe(true);

    await closures.getByRole('button', { name: 'Remove the closure on 29 December 2027' }).click();
    // The page says it was removed, then the table (still there, with its heading) no longer lists it.
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Closure on 29 December 2027 removed');
    expect(await closures.textContent()).toContain('What it is for');
    expect(await closures.textContent()).not.toContain('Council closure between Christmas and New Year');
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });
});
