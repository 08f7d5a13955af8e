// Set-up the browser journeys share, done through the API as the people themselves would, and
// what they check on every page about a child's record.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OAK, REFER, as, globalId } from '../access/fixtures.ts';
import type { TestApp } from '../support/app.ts';

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;

/** An Oakfield DSL flags a concern about a pupil and refers it; returns the referral to decide. */
export async function referAConcern(app: TestApp) {
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null } });
  const dsl = await as(app, OAK.dsl);
  const raised = await dsl.request(RAISE, {
    input: {
      childId: globalId('Child', child.id), categories: ['NEGLECT'], narrative: 'No lunch again and very tired.', riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(app.now().getTime() - 3600_000).toISOString(),
    },
  });
  const concern = raised.data.concernRaise.concern as { id: string; reference: string };
  const referred = await dsl.request(REFER, { id: concern.id });
  return { reference: concern.reference, referralId: referred.data.concernRefer.referral.id as string };
}

/** The child in view: who a page about a child's record is about, at its top. */
export const childInView = (page: Page) => page.locator('[data-child-in-view]');

/** The page's own summary list, not the child in view's above it. */
export const recordSummary = (page: Page) => page.locator('main .govuk-summary-list:not([data-child-in-view] *)');

const LONDON = 'Europe/London';

/**
 * The child in view says who the child is: name, date of birth with age, NHS number and UPN where
 * held, and school. Someone who may open the record has a link to it; anyone else is told plainly
 * that they cannot, with no link. `identity` is the details an asked agency gets (no UPN or school).
 */
export async function expectChildInView(card: Locator, app: TestApp, childId: string, { opens, identity = false }: { opens: boolean; identity?: boolean }) {
  const child = await app.db.child.findUniqueOrThrow({ where: { id: childId }, include: { school: true } });
  await card.waitFor();
  const name = `${child.givenName} ${child.familyName}`;
  const born = child.dateOfBirth.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const [y, m, d] = new Date().toLocaleDateString('en-CA', { timeZone: LONDON }).split('-').map(Number) as [number, number, number];
  const age = y - child.dateOfBirth.getUTCFullYear() - (m * 100 + d < (child.dateOfBirth.getUTCMonth() + 1) * 100 + child.dateOfBirth.getUTCDate() ? 1 : 0);
  const text = (await card.textContent()) ?? '';
  const years = age < 1 ? 'under 1 year' : age === 1 ? '1 year' : `${age} years`;
  const expected = [name, `Date of birth${born} (${years} old)`];
  if (child.nhsNumber) expected.push(`NHS number${child.nhsNumber}`);
  if (child.upn && !identity) expected.push(`UPN${child.upn}`);
  if (child.school && !identity) expected.push(`School${child.school.name}`);
  for (const shown of expected) expect(text, shown).toContain(shown);
  if (opens) {
    expect(await card.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(`/children/${globalId('Child', child.id)}`);
    expect(text).not.toContain('You cannot open');
  } else {
    expect(await card.getByRole('link').count()).toBe(0);
    expect(text).toContain('You cannot open this child’s record.');
  }
}
