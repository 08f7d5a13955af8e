// Sharing a record, on the record, in a real browser: a GP shares a sensitive health record with
// the child's school, giving the lawful basis, the Article 9 condition and why consent was not
// sought (after the form has said what is missing); the school's DSL then sees it on the child's
// chronology, but may not share it themselves; the GP revokes the share and the DSL no longer
// sees it; a decision not to share is recorded and listed. Each screen is checked with axe-core
// empty, with errors and filled, and says whose record it is.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GP, OAK, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { childInView, expectChildInView, recordSummary } from './support.ts';

const SUMMARY = 'Seen at the minor injuries unit with a burn to the hand';
const SCHOOL = 'Oakfield Primary School';
// A January date: the same day and time in the browser's zone and in London's.
const NEXT_YEAR = new Date().getFullYear() + 1;
const env = browserAppForFile();
let gp: Page;
let childId: string;
let childDbId: string;
let entryId: string;

beforeAll(async () => {
  // A pupil with entries of the school's own, so the DSL's chronology has something to show.
  const child = await env.app.db.child.findFirstOrThrow({
    where: { school: { name: SCHOOL }, restrictions: { none: {} }, mergedIntoId: null, entries: { some: { organisation: { name: SCHOOL } } } },
    orderBy: { id: 'asc' },
  });
  const author = await env.app.db.user.findUniqueOrThrow({ where: { email: GP } });
  // A GP's own health record: written straight to the database, as health recording has no API.
  const entry = await env.app.db.chronologyEntry.create({
    data: {
      partnershipId: author.partnershipId, childId: child.id, organisationId: author.organisationId, authorId: author.id,
      kind: 'HEALTH_CONTACT', categories: ['PHYSICAL_ABUSE'], occurredAt: new Date(Date.now() - 86_400_000), summary: SUMMARY,
      detail: 'The explanation given did not match the injury.', sensitive: true,
    },
  });
  childDbId = child.id;
  childId = globalId('Child', child.id);
  entryId = globalId('ChronologyEntry', entry.id);
  gp = await newPage(env.browser, env.app.url);
});

const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();
const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent();
const decisions = (page: Page) => page.locator('section[aria-labelledby="sharing-heading"]').textContent();
const chronology = (page: Page) => page.locator('section[aria-labelledby="chronology-heading"]').textContent();

describe('sharing a record', () => {
  it('is offered on the GP’s own record, which has no sharing decisions yet', async () => {
    await signIn(gp, GP);
    await gp.goto(`/children/${childId}`);
    await gp.getByRole('link', { name: SUMMARY }).click();
    await expect.poll(() => heading(gp)).toContain(SUMMARY);
    await expect.poll(() => decisions(gp)).toContain('No sharing decisions have been recorded.');
    await expectChildInView(childInView(gp), env.app, childDbId, { opens: true });
    await capture(gp, 'sharing-entry-no-decisions');
  });

  it('says what is missing, from the form’s own checks and from the API, before the GP shares it', async () => {
    await gp.getByRole('button', { name: 'Share this record' }).click();
    await expect.poll(() => heading(gp)).toBe('Share this record');
    await expectChildInView(childInView(gp), env.app, childDbId, { opens: true });
    await capture(gp, 'share-record-empty');

    await gp.getByRole('button', { name: 'Share record' }).click();
    await expect.poll(() => errorSummary(gp)).toContain('Select the lawful basis for sharing');
    const empty = await errorSummary(gp);
    for (const message of ['Choose the organisation to share with', 'Enter what is being shared', 'Enter the purpose of sharing',
      'Select the condition for sharing special-category information', 'Select whether consent was given, refused or not sought']) {
      expect(empty).toContain(message);
    }
    expect(await gp.title()).toMatch(/^Error: Share this record/);
    await capture(gp, 'share-record-errors');

    // The basis given, consent not sought: now the condition and the reason are what is missing.
    await gp.getByLabel('Who are you sharing it with?').selectOption({ label: SCHOOL });
    await gp.getByLabel('What are you sharing?').fill('x'.repeat(2_001));
    await gp.getByLabel('Why are you sharing it?').fill('So the school can watch for further injuries and support the child.');
    await gp.getByLabel('Public task – Article 6(1)(e)').check();
    await gp.getByLabel('Consent was not sought').check();
    await gp.getByLabel('Day').fill('31');
    await gp.getByLabel('Month').fill('2');
    await gp.getByLabel('Year').fill(String(NEXT_YEAR));
    await gp.getByRole('button', { name: 'Share record' }).click();
    await expect.poll(() => errorSummary(gp)).toContain('Select why consent was not sought');
    const partial = await errorSummary(gp);
    expect(partial).toContain('Select the condition for sharing special-category information');
    expect(partial).toContain('The date the share ends must be a real date');
    expect(partial).not.toContain('Select the lawful basis');
    await capture(gp, 'share-record-errors-reason');

    // The API's own limit, on the field it names.
    await gp.getByLabel('Safeguarding children and people at risk – DPA 2018 Schedule 1 paragraph 18').check();
    await gp.getByLabel('Asking would prejudice the child’s protection or a police investigation').check();
    await gp.getByLabel('Month').fill('1');
    await gp.getByRole('button', { name: 'Share record' }).click();
    await expect.poll(() => errorSummary(gp)).toContain('What is being shared must be 2000 characters or fewer');
    expect(await gp.locator('#whatShared-error').textContent()).toContain('2000 characters or fewer');
    await capture(gp, 'share-record-errors-api');

    await gp.getByLabel('What are you sharing?').fill('The injury, when it was seen, and that the explanation did not match it.');
    await capture(gp, 'share-record-filled');
    await gp.getByRole('button', { name: 'Share record' }).click();

    await expect.poll(() => heading(gp)).toContain(SUMMARY);
    expect(await banner(gp)).toContain(`Record shared with ${SCHOOL}`);
    await expect.poll(() => decisions(gp)).toContain(`Shared with ${SCHOOL}`);
    const listed = (await decisions(gp))!;
    for (const text of ['Live', 'Public task – Article 6(1)(e)', 'DPA 2018 Schedule 1 paragraph 18',
      'Consent was not sought: Asking would prejudice the child’s protection', `31 January ${NEXT_YEAR} at 11:59 pm`, 'The injury, when it was seen']) {
      expect(listed).toContain(text);
    }
    await capture(gp, 'sharing-entry-shared');
  });

  it('lets the school’s DSL see the record, but not share it', async () => {
    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    await dsl.goto(`/children/${childId}`);
    await dsl.getByRole('link', { name: SUMMARY }).click();
    await expect.poll(() => heading(dsl)).toContain(SUMMARY);
    expect(await recordSummary(dsl).first().textContent()).toContain('The explanation given did not match the injury.');
    await expectChildInView(childInView(dsl), env.app, childDbId, { opens: true });
    expect(await dsl.getByRole('button', { name: 'Share this record' }).count()).toBe(0);
    expect(await dsl.getByRole('heading', { name: 'Sharing decisions' }).count()).toBe(0);

    await dsl.goto(`/entries/${entryId}/share`);
    await expect.poll(() => heading(dsl)).toBe('You do not have permission to see this page');
    await capture(dsl, 'share-record-not-permitted');
    await dsl.context().close();
  });

  it('is revoked by the GP, with a reason', async () => {
    await gp.getByRole('link', { name: `Revoke the share with ${SCHOOL}` }).click();
    await expect.poll(() => heading(gp)).toBe(`Revoke the share with ${SCHOOL}`);
    await expectChildInView(childInView(gp), env.app, childDbId, { opens: true });
    await capture(gp, 'revoke-share-empty');
    await gp.getByRole('button', { name: 'Revoke share' }).click();
    await expect.poll(() => errorSummary(gp)).toContain('Enter why the share is being revoked');
    await capture(gp, 'revoke-share-errors');
    await gp.getByLabel('Why are you revoking the share?').fill('Shared with the wrong school: the child moved last term.');
    await capture(gp, 'revoke-share-filled');
    await gp.getByRole('button', { name: 'Revoke share' }).click();

    await expect.poll(() => heading(gp)).toContain(SUMMARY);
    expect(await banner(gp)).toContain(`Share with ${SCHOOL} revoked`);
    await expect.poll(() => decisions(gp)).toContain('Revoked');
    expect(await decisions(gp)).toContain('Shared with the wrong school');
    expect(await gp.getByRole('link', { name: `Revoke the share with ${SCHOOL}` }).count()).toBe(0);
  });

  it('then no longer shows the record to the DSL', async () => {
    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    await dsl.goto(`/children/${childId}`);
    // The school's own entries are listed (the chronology loaded), the GP's revoked one is not.
    await expect.poll(() => chronology(dsl)).toContain('(School)');
    expect(await chronology(dsl)).not.toContain(SUMMARY);
    await dsl.goto(`/entries/${entryId}`);
    await expect.poll(() => heading(dsl)).toBe('Record not found');
    await dsl.context().close();
  });

  it('records a decision not to share, with the reasons, and lists it', async () => {
    await gp.getByRole('button', { name: 'Record a decision not to share' }).click();
    await expect.poll(() => heading(gp)).toBe('Record a decision not to share');
    await expectChildInView(childInView(gp), env.app, childDbId, { opens: true });
    await capture(gp, 'decline-share-empty');
    await gp.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => errorSummary(gp)).toContain('Enter why you decided not to share');
    expect(await errorSummary(gp)).toContain('Choose the organisation that asked for it');
    expect(await errorSummary(gp)).toContain('Enter what the information was wanted for');
    await capture(gp, 'decline-share-errors');

    await gp.getByLabel('Who asked for it, or would have received it?').selectOption({ label: 'Moorland Families Trust' });
    await gp.getByLabel('What was it wanted for?').fill('A family support worker asked what happened, to plan their visits.');
    await gp.getByLabel('Why did you decide not to share?').fill('The family support plan does not need the medical detail; social care already knows.');
    await capture(gp, 'decline-share-filled');
    await gp.getByRole('button', { name: 'Record decision' }).click();

    await expect.poll(() => heading(gp)).toContain(SUMMARY);
    expect(await banner(gp)).toContain('Decision not to share recorded');
    await expect.poll(() => decisions(gp)).toContain('Not shared with Moorland Families Trust');
    expect(await decisions(gp)).toContain('The family support plan does not need the medical detail');
    await capture(gp, 'sharing-entry-decisions');
  });

  it('is not offered to a school staff member, whose address says they do not have permission', async () => {
    const staff = await newPage(env.browser, env.app.url);
    await signIn(staff, OAK.staff);
    await staff.goto(`/entries/${entryId}/decline-share`);
    await expect.poll(() => heading(staff)).toBe('You do not have permission to see this page');
    await staff.context().close();
    expect(env.app.serverErrors).toEqual([]);
  });
});
