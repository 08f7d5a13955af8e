// The partnership's child index in a real browser. A police officer searches by the NHS number of
// a pupil only the school has recorded: instead of "No children found", the page says the
// partnership knows the child, shows who they are and nothing more, and the officer records the
// police's involvement, which opens the child's record. A school nurse searching for a child
// nobody knows registers them, after being stopped from registering the pupil again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { POLICE } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const env = browserAppForFile();
const NURSE = 'school.nurse@community-health.northmoor.example';
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

/** A valid NHS number (modulus 11) that no seeded child has: 9 digits from `seed`, then the check digit. */
function freshNhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = String(n).padStart(9, '0').slice(0, 9);
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

async function schoolOnlyPupil(): Promise<Child> {
  return env.app.db.child.findFirstOrThrow({
    where: {
      partnership: { code: 'northmoor' }, school: { name: 'Oakfield Primary School' }, nhsNumber: { not: null }, mergedIntoId: null,
      restrictions: { none: {} }, entries: { every: { organisation: { agencyType: 'SCHOOL' } } },
    },
    orderBy: { id: 'desc' },
  });
}

async function searchByNhsNumber(page: Page, nhsNumber: string) {
  await page.goto('/children');
  await expect.poll(() => heading(page)).toBe('Find a child');
  await page.getByLabel('NHS number', { exact: true }).first().check();
  await page.getByRole('textbox', { name: 'NHS number' }).fill(nhsNumber);
  await page.getByRole('button', { name: 'Search' }).click();
}

describe('the partnership’s child index', () => {
  it('shows a police officer who a school-only pupil is, and opens the record once the police record their involvement', async () => {
    const child = await schoolOnlyPupil();
    const officer = await newPage(env.browser, env.app.url);
    await signIn(officer, POLICE[0]!);
    await searchByNhsNumber(officer, child.nhsNumber!);
    await expect.poll(() => officer.getByRole('status').first().textContent()).toBe('The partnership knows 1 child with these details');
    const known = await officer.locator('.govuk-table').textContent();
    expect(known).toContain(`${child.givenName} ${child.familyName}`);
    // Identity only: no link into the record, no NHS number or school shown back.
    expect(await officer.getByRole('link', { name: `${child.givenName} ${child.familyName}` }).count()).toBe(0);
    expect(known).not.toContain('Oakfield');
    await capture(officer, 'child-index-found');

    await officer.getByRole('button', { name: `Record involvement with ${child.givenName} ${child.familyName}` }).click();
    await officer.getByRole('button', { name: 'Record involvement', exact: true }).click();
    await expect.poll(() => errorSummary(officer)).toContain('Say how your agency is involved with the child');
    await capture(officer, 'child-index-involvement-errors');
    await officer.getByLabel('How is your agency involved?').fill('Officers attended a domestic incident at the home last night.');
    await officer.getByRole('button', { name: 'Record involvement', exact: true }).click();
    await expect.poll(() => heading(officer)).toContain(`${child.givenName} ${child.familyName}`);
    await expect.poll(() => officer.locator('.app-timeline').textContent()).toContain('Officers attended a domestic incident at the home last night.');
    expect(await officer.locator('.app-timeline__item').count()).toBe(1);
    await capture(officer, 'child-index-involved');
    const logged = await env.app.db.auditEvent.count({ where: { action: 'child.index_lookup', childId: child.id } });
    expect(logged).toBe(1);
    expect(env.app.serverErrors).toEqual([]);
    await officer.context().close();
  });

  it('lets a school nurse register a child nobody knows, but not a pupil already recorded', async () => {
    const pupil = await schoolOnlyPupil();
    const nurse = await newPage(env.browser, env.app.url);
    await signIn(nurse, NURSE);
    const nhsNumber = freshNhsNumber(486_100_000);
    expect(await env.app.db.child.count({ where: { nhsNumber } })).toBe(0);
    await searchByNhsNumber(nurse, nhsNumber);
    await expect.poll(() => nurse.getByRole('status').first().textContent()).toContain('No children found that you can see');
    await nurse.getByRole('link', { name: 'register them' }).click();
    await expect.poll(() => heading(nurse)).toBe('Register a child');
    await capture(nurse, 'register-child');

    await nurse.getByRole('button', { name: 'Register child' }).click();
    await expect.poll(() => errorSummary(nurse)).toContain('Enter the child’s first name');
    await nurse.getByLabel('First name').fill('Eliza');
    await nurse.getByLabel('Last name').fill('Penhallow');
    await nurse.getByLabel('Day').fill('9');
    await nurse.getByLabel('Month').fill('7');
    await nurse.getByLabel('Year').fill('2019');
    // The pupil's NHS number: already recorded, so refused.
    await nurse.getByLabel('NHS number (optional)').fill(pupil.nhsNumber!);
    await nurse.getByRole('button', { name: 'Register child' }).click();
    await expect.poll(() => errorSummary(nurse)).toContain('already recorded in your partnership');
    expect(await errorSummary(nurse)).toContain('child index');
    await capture(nurse, 'register-child-duplicate');

    await nurse.getByLabel('NHS number (optional)').fill(nhsNumber);
    await nurse.getByRole('button', { name: 'Register child' }).click();
    await expect.poll(() => heading(nurse)).toContain('Eliza Penhallow');
    const registered = await env.app.db.child.findFirstOrThrow({ where: { nhsNumber } });
    expect([registered.givenName, registered.familyName, registered.dateOfBirth.toISOString().slice(0, 10)]).toEqual(['Eliza', 'Penhallow', '2019-07-09']);
    expect(env.app.serverErrors).toEqual([]);
    await nurse.context().close();
  });
});
