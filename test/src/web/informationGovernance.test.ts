// Restrictions, break-glass and the IG lead's access log in a real browser: a social worker
// restricts an entry shared with a school to a colleague; the school's DSL no longer sees it and
// breaks the glass (a too-short reason first); the IG lead finds the grant on their home page,
// reads the child's access log (with the DSL's emergency reads) and reviews the grant; the social
// worker lifts the restriction. Nobody else is offered these pages, and their addresses say so.
// Each screen is checked with axe-core empty, with errors and filled.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, SHARE, TEAM_MANAGER, as, globalId } from '../access/fixtures.ts';
import { raiseConcern } from '../restrictions/support.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const SOCIAL_WORKER = FRONT_DOOR[0]!;
const IG_LEAD = 'ig.lead@partnership.northmoor.example';
const REASON = 'Child disclosed at school today that she is frightened to go home; I need the social care history now';
const SUMMARY = 'Home visit: mother disclosed that a relative works at the school';

const env = browserAppForFile();
let child: { id: string; givenName: string; familyName: string; nhsNumber: string | null };
let childId: string;
let entryId: string;
beforeAll(async () => {
  child = await env.app.db.child.findFirstOrThrow({
    where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, nhsNumber: { not: null }, mergedIntoId: null },
    orderBy: { id: 'desc' },
  });
  childId = globalId('Child', child.id);
  // Social care's record about the pupil, shared with the school: its DSL reads it.
  const socialWorker = await as(env.app, SOCIAL_WORKER);
  ({ entryId } = await raiseConcern(socialWorker, child.id, `${SUMMARY}. Full notes of the visit follow.`));
  await env.app.db.chronologyEntry.update({ where: { id: entryId }, data: { summary: SUMMARY } });
  const oakfield = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const shared = await socialWorker.request(SHARE, {
    input: {
      entryId: globalId('ChronologyEntry', entryId), recipientOrganisationId: globalId('Organisation', oakfield.id),
      whatShared: 'The visit record', purpose: 'The school supports the child every day', lawfulBasis: 'PUBLIC_TASK', consentStatus: 'GIVEN',
    },
  });
  expect(shared.data.shareCreate.__typename, shared.raw).toBe('ShareSuccess');
});
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();
const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent();
const chronology = (page: Page) => page.locator('.app-timeline').textContent();

describe('restricting an entry', () => {
  it('a social worker restricts a shared entry to a colleague', async () => {
    const worker = await newPage(env.browser, env.app.url);
    await signIn(worker, SOCIAL_WORKER);
    await worker.goto(`/children/${childId}`);
    await worker.getByRole('button', { name: 'Restrict a record' }).click();
    await expect.poll(() => heading(worker)).toContain('Restrict a record');
    await capture(worker, 'restrict-record');

    await worker.getByRole('button', { name: 'Restrict', exact: true }).click();
    await expect.poll(() => errorSummary(worker)).toContain('Select what you want to restrict');
    expect(await errorSummary(worker)).toContain('Give the reason for the restriction');
    await capture(worker, 'restrict-record-errors');

    await worker.getByLabel('One entry').check();
    await worker.getByLabel('Entry', { exact: true }).selectOption(globalId('ChronologyEntry', entryId));
    await worker.getByLabel('Why are you restricting it?').fill('Concerns a relative of a member of the school’s staff');
    await worker.getByLabel('Find a person by name').fill('Firth');
    await worker.getByRole('button', { name: 'Find people' }).click();
    await worker.getByLabel('Angela Firth').check();
    await capture(worker, 'restrict-record-filled');
    await worker.getByRole('button', { name: 'Restrict', exact: true }).click();

    await expect.poll(() => banner(worker)).toContain('Restricted: only you and Angela Firth can see the entry now');
    const table = worker.getByRole('table', { name: 'Active restrictions you are named on' });
    await expect.poll(() => table.textContent()).toContain('Concerns a relative of a member of the school’s staff');
    expect(await table.textContent()).toContain('Angela Firth');
    await capture(worker, 'child-restrictions');
    await worker.context().close();
  });
});

let dsl: Page;
describe('a DSL who no longer sees the entry', () => {
  it('is told an entry is restricted, and is not offered the IG pages', async () => {
    dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    await dsl.goto(`/children/${childId}`);
    await expect.poll(() => dsl.locator('#restricted-entries').textContent()).toContain('1 entry about this child is restricted to named people');
    expect(await chronology(dsl)).not.toContain(SUMMARY);
    expect(await dsl.getByRole('link', { name: 'Information governance' }).count()).toBe(0);
    await capture(dsl, 'child-restricted-entry');
  });

  it('breaks the glass: a reason that is too short is refused, a proper one opens the entry', async () => {
    await dsl.getByRole('button', { name: 'Emergency access' }).click();
    await expect.poll(() => heading(dsl)).toContain('Emergency access');
    expect(await dsl.locator('.govuk-warning-text').textContent()).toContain('The information-governance lead is told at once');
    await capture(dsl, 'emergency-access');

    await dsl.getByLabel('What is the emergency?').fill('Urgent, sorry');
    await dsl.getByRole('button', { name: 'Use emergency access' }).click();
    await expect.poll(() => errorSummary(dsl)).toContain('Explain the emergency in at least 20 characters');
    expect(await dsl.title()).toMatch(/^Error: /);
    await capture(dsl, 'emergency-access-errors');
    expect(await env.app.db.breakGlassGrant.count()).toBe(0);

    await dsl.getByLabel('What is the emergency?').fill(REASON);
    await capture(dsl, 'emergency-access-filled');
    await dsl.getByRole('button', { name: 'Use emergency access' }).click();
    await expect.poll(() => banner(dsl)).toContain('Emergency access given until');
    await expect.poll(() => chronology(dsl)).toContain(SUMMARY);
    expect(await dsl.locator('.govuk-warning-text').textContent()).toContain('You are using emergency access to this record');
    await capture(dsl, 'child-emergency-access');
    // Each page that told her of the restriction is logged once: the child page, the emergency
    // access page and the child page again (not once per request a page happened to repeat).
    expect(await env.app.db.auditEvent.count({ where: { action: 'restriction.notice', actor: { email: OAK.dsl } } })).toBe(3);
  });

  it('cannot reach the IG pages by their addresses', async () => {
    for (const address of ['/information-governance', '/information-governance/people', '/information-governance/emergency-access']) {
      await dsl.goto(address);
      await expect.poll(() => heading(dsl), { message: address }).toBe('You do not have permission to see this page');
    }
    await capture(dsl, 'information-governance-refused');
  });
});

describe('the IG lead', () => {
  let ig: Page;
  it('sees the grant awaiting review on their home page', async () => {
    ig = await newPage(env.browser, env.app.url);
    await signIn(ig, IG_LEAD);
    const awaiting = ig.getByRole('table', { name: 'Emergency access awaiting your review' });
    await expect.poll(() => awaiting.textContent()).toContain('Helen Marsh');
    expect(await awaiting.textContent()).toContain(REASON);
    // The alert in their feed opens the grant's review.
    expect(await ig.getByRole('link', { name: 'Emergency access used' }).getAttribute('href')).toMatch(/^\/information-governance\/emergency-access\/./);
    await capture(ig, 'home-ig');
  });

  it('finds the child’s access log and sees the DSL’s emergency access and reads', async () => {
    await ig.getByRole('link', { name: 'Information governance' }).first().click();
    await expect.poll(() => heading(ig)).toBe('Information governance');
    await expect.poll(() => ig.getByRole('table', { name: 'Emergency access awaiting review' }).textContent()).toContain('Helen Marsh');
    await capture(ig, 'information-governance');

    await ig.getByRole('button', { name: 'Find access log' }).click();
    await expect.poll(() => errorSummary(ig)).toContain('Select how you want to find the child');
    await capture(ig, 'information-governance-errors');
    await ig.getByLabel('NHS number', { exact: true }).check();
    await ig.getByRole('textbox', { name: 'NHS number' }).fill(child.nhsNumber!);
    await ig.getByRole('button', { name: 'Find access log' }).click();
    await ig.getByRole('table', { name: '1 child found' }).getByRole('link', { name: `${child.givenName} ${child.familyName}` }).click();

    await expect.poll(() => heading(ig)).toContain(`${child.givenName} ${child.familyName}`);
    const log = ig.getByRole('table', { name: 'Access log' });
    await expect.poll(() => log.textContent()).toContain('Used emergency access (broke the glass)');
    const emergencyRow = log.getByRole('row').filter({ hasText: 'Used emergency access' });
    expect(await emergencyRow.textContent()).toContain('Helen Marsh');
    expect(await emergencyRow.textContent()).toContain('Oakfield Primary School');
    expect(await emergencyRow.textContent()).toContain(REASON);
    // The reads she made with it are there too, after the grant (newer rows come first).
    const rows = await log.getByRole('row').allTextContents();
    const grantRow = rows.findIndex((r) => r.includes('Used emergency access'));
    expect(rows.slice(0, grantRow).some((r) => r.includes('Helen Marsh') && r.includes('Viewed the chronology'))).toBe(true);
    // The restriction is listed, and the IG lead never sees the chronology itself.
    expect(await ig.getByRole('table', { name: 'Active restrictions' }).textContent()).toContain('Concerns a relative of a member of the school’s staff');
    expect(await ig.locator('.app-timeline').count()).toBe(0);
    expect(await ig.locator('body').textContent()).not.toContain(SUMMARY);
    await capture(ig, 'child-access-log');

    await emergencyRow.getByRole('link', { name: /Helen Marsh/ }).click();
    await expect.poll(() => heading(ig)).toContain('Everything Helen Marsh looked at');
    await expect.poll(() => ig.getByRole('table', { name: 'Access log' }).textContent()).toContain('Used emergency access');
    await capture(ig, 'person-access-log');
  });

  it('reviews the grant: an outcome is required, then it leaves the queue', async () => {
    await ig.goto('/information-governance');
    await ig.getByRole('table', { name: 'Emergency access awaiting review' }).getByRole('link', { name: /Review/ }).click();
    await expect.poll(() => heading(ig)).toContain('Review emergency access');
    await expect.poll(() => ig.locator('.govuk-summary-list').textContent()).toContain(`${child.givenName} ${child.familyName}`);
    await capture(ig, 'review-grant');

    await ig.getByRole('button', { name: 'Record review' }).click();
    await expect.poll(() => errorSummary(ig)).toContain('Record the outcome of the review');
    await capture(ig, 'review-grant-errors');
    await ig.getByLabel('Outcome of your review').fill('Justified: disclosure at school that morning, DSL needed the history to act.');
    await capture(ig, 'review-grant-filled');
    await ig.getByRole('button', { name: 'Record review' }).click();

    await expect.poll(() => banner(ig)).toContain('Review of Helen Marsh’s emergency access recorded');
    await expect.poll(() => ig.getByRole('table', { name: 'Emergency access awaiting review' }).textContent()).toContain('No emergency access is waiting for review.');
    await ig.getByRole('button', { name: 'Check the audit trail' }).click();
    await expect.poll(() => ig.locator('.govuk-summary-list').textContent()).toContain('Intact');
    await capture(ig, 'information-governance-reviewed');

    await ig.getByRole('link', { name: 'All emergency access, including reviewed' }).click();
    await expect.poll(() => ig.getByRole('table', { name: 'All emergency access' }).textContent()).toContain('Reviewed');
    await capture(ig, 'emergency-access-all');
    await ig.goto('/information-governance/people');
    await expect.poll(() => ig.getByRole('table', { name: 'People in the partnership' }).textContent()).toContain('Helen Marsh');
    await capture(ig, 'people-access-logs');
    await ig.context().close();
  });
});

describe('lifting the restriction and a restricted whole record', () => {
  it('the social worker lifts it, with a reason', async () => {
    const worker = await newPage(env.browser, env.app.url);
    await signIn(worker, SOCIAL_WORKER);
    await worker.goto(`/children/${childId}`);
    await worker.getByRole('table', { name: 'Active restrictions you are named on' }).getByRole('link', { name: /Lift/ }).click();
    await expect.poll(() => heading(worker)).toBe('Lift the restriction');
    await capture(worker, 'lift-restriction');
    await worker.getByRole('button', { name: 'Lift restriction' }).click();
    await expect.poll(() => errorSummary(worker)).toContain('Give the reason for lifting the restriction');
    await capture(worker, 'lift-restriction-errors');
    await worker.getByLabel('Why are you lifting it?').fill('The member of staff has left the school');
    await capture(worker, 'lift-restriction-filled');
    await worker.getByRole('button', { name: 'Lift restriction' }).click();
    await expect.poll(() => banner(worker)).toContain('Restriction lifted');
    await worker.context().close();
  });

  it('a DSL meeting a child whose whole record is restricted is told so, and offered emergency access', async () => {
    const other = await env.app.db.child.findFirstOrThrow({
      where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null, id: { not: child.id } },
    });
    const restricted = await (await as(env.app, TEAM_MANAGER)).request(/* GraphQL */ `
      mutation($input: RestrictionCreateInput!) { restrictionCreate(input: $input) { __typename } }`,
    { input: { childId: globalId('Child', other.id), reason: 'Case under review', memberUserIds: [] } });
    expect(restricted.data.restrictionCreate.__typename).toBe('RestrictionCreateSuccess');
    await dsl.goto(`/children/${globalId('Child', other.id)}`);
    await expect.poll(() => heading(dsl)).toBe('This child’s record is restricted');
    expect(await dsl.locator('main').textContent()).not.toContain(other.familyName);
    expect(await dsl.getByRole('button', { name: 'Emergency access' }).count()).toBe(1);
    await capture(dsl, 'child-record-restricted');

    // A school staff member is not offered emergency access, nor may use its address.
    const staff = await newPage(env.browser, env.app.url);
    await signIn(staff, OAK.staff);
    await staff.goto(`/children/${globalId('Child', other.id)}/emergency-access`);
    await expect.poll(() => heading(staff)).toBe('You do not have permission to see this page');
    await staff.goto('/information-governance');
    await expect.poll(() => heading(staff)).toBe('You do not have permission to see this page');
    await staff.context().close();
    expect(env.app.serverErrors).toEqual([]);
    await dsl.context().close();
  });
});
