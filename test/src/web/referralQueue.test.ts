// The demo front door's whole queue in a real browser: the MASH worker follows home's link to every
// referral awaiting a decision (the demo keeps more than two pages of them), pages through all of
// them with how many there are, most urgent first, and narrows them by risk, by being overdue and
// by who referred. Every state is checked with axe-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FRONT_DOOR } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const env = browserAppForFile();
const PER_PAGE = 25;

/** The queue as the database holds it, in the order the page promises: immediate risk, then the earliest decision time. */
async function waitingAtFrontDoor() {
  const frontDoor = await env.app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
  const referrals = await env.app.db.referral.findMany({
    where: { decidedAt: null, toOrganisationId: frontDoor.id },
    include: { concern: { select: { reference: true, riskLevel: true } } },
    orderBy: [{ immediateRisk: 'desc' }, { decisionDueAt: 'asc' }, { id: 'asc' }],
  });
  return referrals;
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /awaiting a decision|match(es)? these filters/ }).textContent();
const table = (page: Page) => page.getByRole('table', { name: 'Referrals awaiting a decision' });
const references = async (page: Page) => table(page).locator('tbody tr td:first-child').allTextContents();
const risks = async (page: Page) => (await table(page).locator('tbody tr td:nth-child(4) .govuk-tag').allTextContents()).map((t) => t.trim());

/** Every reference across the pages of `total`, following Next to the end, where there is none. */
async function everyPage(page: Page, total: number) {
  const pages = Math.ceil(total / PER_PAGE);
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await expect.poll(() => status(page)).toContain(`(page ${n} of ${pages})`);
    await expect.poll(async () => (await references(page)).length).toBe(n < pages ? PER_PAGE : total - (pages - 1) * PER_PAGE);
    // The page shown is a new one (its first reference not seen before), not the last still on screen.
    await expect.poll(async () => seen.includes((await references(page))[0]!)).toBe(false);
    seen.push(...(await references(page)));
    const next = page.getByRole('navigation', { name: 'Referral pages' }).getByRole('link', { name: 'Next page' });
    if (n < pages) await next.click();
    else expect(await next.count()).toBe(0);
  }
  return seen;
}

describe('the front door’s whole queue', () => {
  it('pages through every referral awaiting a decision, with the count, immediate risk first and then the most overdue', async () => {
    const waiting = await waitingAtFrontDoor();
    expect(waiting.length).toBeGreaterThan(2 * PER_PAGE);
    const pages = Math.ceil(waiting.length / PER_PAGE);

    const mash = await newPage(env.browser, env.app.url);
    await signIn(mash, FRONT_DOOR[1]!);
    await mash.getByRole('link', { name: `All ${waiting.length} referrals awaiting a decision` }).click();
    await expect.poll(() => heading(mash)).toBe('Referrals awaiting a decision');
    await expect.poll(() => status(mash)).toBe(`${waiting.length} referrals awaiting a decision, 25 a page (page 1 of ${pages}).`);
    expect((await risks(mash))[0]).toBe('immediate');
    await capture(mash, 'referral-queue-first-page');

    const seen = await everyPage(mash, waiting.length);
    expect(seen).toEqual(waiting.map((r) => r.concern.reference));
    await capture(mash, 'referral-queue-last-page');

    // Back a page: the one before, as it was.
    await mash.getByRole('navigation', { name: 'Referral pages' }).getByRole('link', { name: 'Previous page' }).click();
    await expect.poll(() => status(mash)).toContain(`(page ${pages - 1} of ${pages})`);
    await expect.poll(() => references(mash)).toEqual(waiting.slice((pages - 2) * PER_PAGE, (pages - 1) * PER_PAGE).map((r) => r.concern.reference));
    await mash.context().close();
  });

  it('narrows the queue by risk, by being overdue and by who referred, and says how many match', async () => {
    const waiting = await waitingAtFrontDoor();
    const immediate = waiting.filter((r) => r.concern.riskLevel === 'IMMEDIATE');
    const police = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police – Public Protection' } });
    const policeOverdue = waiting.filter((r) => r.fromOrganisationId === police.id && r.decisionDueAt < env.app.now());
    expect(immediate.length).toBeGreaterThan(1);
    expect(policeOverdue.length).toBeGreaterThan(0);

    const mash = await newPage(env.browser, env.app.url);
    await signIn(mash, FRONT_DOOR[1]!);
    await mash.goto('/referrals');
    await expect.poll(() => status(mash)).toContain(`${waiting.length} referrals awaiting a decision`);
    // Onto page 2, then a filter: back to its first page.
    await mash.getByRole('navigation', { name: 'Referral pages' }).getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => status(mash)).toContain('(page 2 of');

    await mash.getByRole('group', { name: 'Risk' }).getByLabel('Immediate').check();
    await mash.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => status(mash)).toBe(`${immediate.length} referrals match these filters.`);
    expect(immediate.length).toBeLessThanOrEqual(PER_PAGE);
    await expect.poll(() => references(mash)).toEqual(immediate.map((r) => r.concern.reference));
    expect(new Set(await risks(mash))).toEqual(new Set(['immediate']));
    await capture(mash, 'referral-queue-immediate');

    await mash.getByRole('group', { name: 'Risk' }).getByLabel('Immediate').uncheck();
    await mash.getByRole('group', { name: 'Decision time' }).getByLabel('Overdue only').check();
    await mash.getByLabel('Referred by').selectOption({ label: police.name });
    await mash.getByRole('button', { name: 'Apply filters' }).click();
    const n = policeOverdue.length;
    await expect.poll(() => status(mash)).toBe(`${n} ${n === 1 ? 'referral matches' : 'referrals match'} these filters.`);
    await expect.poll(() => references(mash)).toEqual(policeOverdue.map((r) => r.concern.reference));
    expect(new Set(await table(mash).locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set([police.name]));
    await capture(mash, 'referral-queue-police-overdue');
    await mash.context().close();
  });
});
