// Partnership administration in a real browser: the administrator adds a school (a bad URN is
// refused by the server and shown against the field), changes it, is told why Oakfield cannot be
// deactivated while its people sign in, deactivates the new one; changes the RAG deadlines (an
// order the server refuses, then valid ones, saved and shown), who is told of missed deadlines and
// when concerns make a pattern (joining the dots);
// changes a person's roles (and is stopped from dropping their own administrator role). A DSL is
// offered none of these pages, and their addresses say so.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OAK, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const env = browserAppForFile();
const summary = (page: Page) => page.locator('.govuk-error-summary').textContent();
const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent();

async function admin() {
  const page = await newPage(env.browser, env.app.url);
  await signIn(page, ADMIN);
  return page;
}

describe('partnership administration', () => {
  it('the administrator adds a school, changes it and deactivates it; Oakfield is kept while its people sign in', async () => {
    const page = await admin();
    await page.getByRole('link', { name: 'Organisations', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Organisations');
    const schools = page.getByRole('table', { name: /^School \(\d+\)$/ });
    await expect.poll(() => schools.textContent()).toContain('Oakfield Primary School');
    expect(await schools.textContent()).toContain('117342');
    expect(await page.getByRole('table', { name: /^Police/ }).textContent()).toContain('Statutory safeguarding partner');
    await capture(page, 'organisations');
    // Only one kind.
    await page.getByLabel('Kind of organisation').selectOption({ label: 'Health' });
    await page.getByRole('button', { name: 'Show organisations' }).click();
    await expect.poll(() => page.getByRole('table').count()).toBe(1);
    expect(await page.getByRole('table').textContent()).toContain('Moorside Surgery');

    await page.getByRole('button', { name: 'Add an organisation' }).click();
    await expect.poll(() => heading(page)).toBe('Add an organisation');
    await capture(page, 'organisation-add');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => summary(page)).toContain('Choose the kind of organisation');
    expect(await summary(page)).toContain('Enter the organisation’s name');
    expect(await page.title()).toMatch(/^Error: /);
    await capture(page, 'organisation-add-errors');

    await page.getByLabel('School', { exact: true }).check();
    await page.getByLabel('Name', { exact: true }).fill('Brookside Primary School');
    await page.getByLabel('URN').fill('12345');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    // The server's answer, against the field.
    await expect.poll(() => summary(page)).toContain('A URN is 6 digits, like 117342');
    expect(await page.locator('.govuk-error-summary').getByRole('link').getAttribute('href')).toBe('#externalCode');
    expect(await page.locator('#externalCode-error').textContent()).toContain('A URN is 6 digits');
    await capture(page, 'organisation-add-server-errors');
    await page.getByLabel('URN').fill('123456');
    await capture(page, 'organisation-add-filled');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect.poll(() => heading(page)).toBe('Organisations');
    expect(await banner(page)).toContain('Brookside Primary School has been added');
    const row = () => page.getByRole('row').filter({ hasText: 'Brookside' });
    await expect.poll(() => row().textContent()).toContain('123456');

    await row().getByRole('link', { name: 'Change Brookside Primary School' }).click();
    await expect.poll(() => heading(page)).toBe('Change Brookside Primary School');
    await capture(page, 'organisation-edit');
    await page.getByLabel('Name', { exact: true }).fill('Brookside Primary Academy');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => banner(page)).toContain('Brookside Primary Academy has been saved');

    // Oakfield's people still sign in: refused, and told why.
    await page.getByRole('row').filter({ hasText: 'Oakfield Primary School' }).getByRole('link').click();
    await expect.poll(() => heading(page)).toBe('Change Oakfield Primary School');
    await page.getByRole('button', { name: 'Deactivate Oakfield Primary School' }).click();
    await expect.poll(() => summary(page)).toContain('Oakfield Primary School still has 4 people with an active account: deactivate them first');
    await page.locator('.govuk-error-summary').getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('active');
    await capture(page, 'organisation-deactivate-refused');
    // The people in the way are a link away.
    await page.getByRole('link', { name: 'See the people at Oakfield Primary School' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'People' }).textContent()).toContain(OAK.dsl);
    expect(await page.getByRole('table', { name: 'People' }).textContent()).not.toContain('Moorside');

    await page.getByRole('link', { name: 'Organisations', exact: true }).click();
    await row().getByRole('link').click();
    await page.getByRole('button', { name: 'Deactivate Brookside Primary Academy' }).click();
    await expect.poll(() => banner(page)).toContain('Brookside Primary Academy has been deactivated');
    await expect.poll(() => row().textContent()).toContain('Deactivated');
    await capture(page, 'organisations-after');
    const stored = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Brookside Primary Academy' } });
    expect(stored).toMatchObject({ externalCode: '123456', agencyType: 'SCHOOL', active: false });
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('the administrator changes the RAG deadlines: an order the server refuses, then valid ones, saved and shown', async () => {
    const page = await admin();
    await page.getByRole('link', { name: 'RAG deadlines' }).click();
    await expect.poll(() => heading(page)).toBe('RAG deadlines');
    await expect.poll(() => page.locator('[data-preview="Red"]').textContent()).toMatch(/^Red: 2 hours\. A red request made now would be due by \d+ \w+ \d{4}/);
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Amber6 hours');
    await capture(page, 'rag-deadlines');

    await page.getByLabel('Red deadline').fill('');
    await page.getByRole('button', { name: 'Save RAG deadlines' }).click();
    await expect.poll(() => summary(page)).toContain('Enter the red deadline as a whole number, for example 4');
    expect(await page.locator('[data-preview="Red"]').textContent()).toBe('Red: enter a whole number more than 0 to see when a request would be due.');
    await page.getByLabel('Red deadline').fill('1');
    await page.getByLabel('Red counted in').selectOption('WORKING_DAYS');
    await page.getByRole('button', { name: 'Save RAG deadlines' }).click();
    await expect.poll(() => summary(page)).toContain('Red must not be slower than amber');
    expect(await page.locator('.govuk-error-summary').getByRole('link').getAttribute('href')).toBe('#red.amount');
    expect(await page.locator('#red\\.amount-error').textContent()).toContain('would be due in 41 hours as red but in 6 hours as amber');
    expect(await page.title()).toMatch(/^Error: /);
    await capture(page, 'rag-deadlines-errors');

    await page.getByLabel('Red deadline').fill('4');
    await page.getByLabel('Red counted in').selectOption('CALENDAR_HOURS');
    await page.getByLabel('Amber deadline').fill('8');
    await page.getByLabel('Amber counted in').selectOption('WORKING_HOURS');
    await page.getByLabel('Green deadline').fill('3');
    await page.getByLabel('Green counted in').selectOption('WORKING_DAYS');
    await expect.poll(() => page.locator('[data-preview="Amber"]').textContent()).toMatch(/^Amber: 8 working hours\. An amber request made now would be due by /);
    await capture(page, 'rag-deadlines-filled');
    await page.getByRole('button', { name: 'Save RAG deadlines' }).click();
    await expect.poll(() => banner(page)).toContain('RAG deadlines saved');
    const shown = await page.locator('.govuk-summary-list').textContent();
    expect(shown).toContain('Red4 hours');
    expect(shown).toContain('Amber8 working hours');
    expect(shown).toContain('Green3 working days');
    expect(await page.getByLabel('Amber deadline').inputValue()).toBe('8');
    await capture(page, 'rag-deadlines-saved');
    const stored = await env.app.db.ragDeadline.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { rag: 'asc' } });
    expect(stored.map((d) => [d.rag, d.amount, d.clock])).toEqual([['RED', 4, 'CALENDAR_HOURS'], ['AMBER', 8, 'WORKING_HOURS'], ['GREEN', 3, 'WORKING_DAYS']]);
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('the administrator changes who is told of missed deadlines: empty and out-of-range answers refused, then saved and shown', async () => {
    const page = await admin();
    await page.getByRole('link', { name: 'Missed deadlines' }).click();
    await expect.poll(() => heading(page)).toBe('Missed deadline alerts');
    const now = () => page.locator('.govuk-summary-list').textContent();
    await expect.poll(now).toContain('MASH manager, Team manager at the front door');
    expect(await now()).toContain('Detective inspector at the police organisation that sent it, 2 office hours later');
    await capture(page, 'missed-deadlines');

    const toldAtDeadline = page.getByRole('group', { name: 'Told when the decision time passes' });
    // Only roles that can open a referral are offered: nobody from a school.
    expect(await toldAtDeadline.getByRole('checkbox').count()).toBe(5);
    await toldAtDeadline.getByLabel('MASH manager').uncheck();
    await toldAtDeadline.getByLabel('Team manager').uncheck();
    await page.getByLabel('Office hours later, if still undecided').fill('81');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => summary(page)).toContain('Choose at least one role to tell');
    await capture(page, 'missed-deadlines-errors');
    await toldAtDeadline.getByLabel('Team manager').check();
    await page.getByRole('button', { name: 'Save' }).click();
    // The server's own limit, against its field.
    await expect.poll(() => summary(page)).toContain('Give at most 80 office hours (ten working days)');
    expect(await page.locator('#referralSeniorAfterWorkingHours-error').textContent()).toContain('Give at most 80 office hours');
    expect((await env.app.db.partnership.findFirstOrThrow({ where: { code: 'northmoor' } })).referralSeniorAfterWorkingHours).toBe(4);

    await page.getByLabel('Office hours later, if still undecided').fill('6');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => banner(page)).toContain('Saved');
    expect(await now()).toContain('Team manager at the front door');
    expect(await now()).toContain('Head of service, 6 office hours later');
    const stored = await env.app.db.partnership.findFirstOrThrow({ where: { code: 'northmoor' } });
    expect([stored.referralOverdueRoles, stored.referralSeniorAfterWorkingHours]).toEqual([['TEAM_MANAGER'], 6]);
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('the administrator changes when concerns make a pattern and who is told: blanks and out-of-range answers refused against their fields, then saved and shown', async () => {
    const page = await admin();
    await page.getByRole('link', { name: 'Concern patterns' }).click();
    await expect.poll(() => heading(page)).toBe('Concern pattern alerts');
    const now = () => page.locator('.govuk-summary-list').textContent();
    await expect.poll(now).toContain('concerns from 2 organisations, or 3 concerns from anyone, within 30 days');
    expect(await now()).toContain('MASH worker, MASH manager, Social worker, Team manager');
    await capture(page, 'concern-pattern-rules');

    const told = page.getByRole('group', { name: 'Told at the front door' });
    // Only roles that can see patterns are offered: the front door's five.
    expect(await told.getByRole('checkbox').count()).toBe(5);
    for (const role of ['MASH worker', 'MASH manager', 'Social worker', 'Team manager']) await told.getByLabel(role).uncheck();
    await page.getByLabel('Within this many days').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => summary(page)).toContain('Choose at least one role to tell');
    expect(await summary(page)).toContain('Enter the number of days as a whole number');
    expect(await page.locator('#windowDays-error').textContent()).toContain('Enter the number of days');
    await capture(page, 'concern-pattern-rules-errors');

    // The server's own limits, each against its field.
    await told.getByLabel('MASH manager').check();
    await page.getByLabel('Concerns from this many organisations').fill('1');
    await page.getByLabel('Within this many days').fill('366');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => summary(page)).toContain('A pattern needs at least 2 organisations');
    expect(await page.locator('#organisations-error').textContent()).toContain('A pattern needs at least 2 organisations');
    expect(await page.locator('#windowDays-error').textContent()).toContain('Give at most 365 days');
    await capture(page, 'concern-pattern-rules-server-errors');
    const unchanged = await env.app.db.partnership.findFirstOrThrow({ where: { code: 'northmoor' } });
    expect([unchanged.patternOrganisations, unchanged.patternWindowDays, unchanged.patternAlertRoles.length]).toEqual([2, 30, 4]);

    await page.getByLabel('Concerns from this many organisations').fill('3');
    await page.getByLabel('Within this many days').fill('60');
    await told.getByLabel('Head of service').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => banner(page)).toContain('Saved');
    expect(await now()).toContain('concerns from 3 organisations, or 3 concerns from anyone, within 60 days');
    expect(await now()).toContain('MASH manager, Head of service');
    const stored = await env.app.db.partnership.findFirstOrThrow({ where: { code: 'northmoor' } });
    expect([stored.patternOrganisations, stored.patternConcerns, stored.patternWindowDays, stored.patternAlertRoles]).toEqual([3, 3, 60, ['MASH_MANAGER', 'HEAD_OF_SERVICE']]);
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('the administrator changes a person’s roles from People, and cannot drop their own administrator role', async () => {
    const page = await admin();
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('People');
    await page.getByRole('link', { name: 'Change Gareth Lloyd’s details' }).click();
    await expect.poll(() => heading(page)).toBe('Change Gareth Lloyd’s details');
    // Only the roles that fit a school, and the partnership-wide ones.
    const roles = page.getByRole('group', { name: 'Roles' });
    expect(await roles.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      'Designated safeguarding lead', 'Deputy designated safeguarding lead', 'School staff', 'Headteacher', 'Trust safeguarding lead',
      'Partnership administrator', 'Information governance lead',
    ]);
    await capture(page, 'person-edit');
    await page.getByLabel('Deputy designated safeguarding lead').uncheck();
    await page.getByLabel('Full name').fill(' ');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => summary(page)).toContain('Choose at least one role');
    expect(await summary(page)).toContain('Enter the person’s name');
    await capture(page, 'person-edit-errors');

    await page.getByLabel('Full name').fill('Gareth Lloyd');
    await page.getByLabel('Job title (optional)').fill('Designated Safeguarding Lead');
    await page.getByLabel('Designated safeguarding lead', { exact: true }).check();
    await page.getByLabel('Deputy designated safeguarding lead').check();
    await capture(page, 'person-edit-filled');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => heading(page)).toBe('People');
    expect(await banner(page)).toContain('Gareth Lloyd’s details have been saved');
    await expect.poll(() => page.getByRole('row').filter({ hasText: OAK.deputy }).textContent())
      .toContain('Designated safeguarding lead, Deputy designated safeguarding lead');
    await capture(page, 'people-after-edit');
    const deputy = await env.app.db.user.findUniqueOrThrow({ where: { email: OAK.deputy } });
    expect(deputy).toMatchObject({ roles: ['DSL', 'DEPUTY_DSL'], jobTitle: 'Designated Safeguarding Lead', active: true });

    // The administrator's own account: the server refuses to drop their administrator role.
    await page.getByRole('link', { name: 'Change Natalie Brook’s details' }).click();
    await expect.poll(() => heading(page)).toBe('Change Natalie Brook’s details');
    await page.getByLabel('Information governance lead').check();
    await page.getByLabel('Partnership administrator').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => summary(page)).toContain('You cannot remove your own administrator role');
    expect(await page.locator('#roles-error').textContent()).toContain('You cannot remove your own administrator role');
    await capture(page, 'person-edit-server-errors');
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });

  it('are not offered to a DSL, and their addresses say the DSL may not see them', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, OAK.dsl);
    for (const name of ['Organisations', 'RAG deadlines', 'People']) expect(await page.getByRole('link', { name }).count()).toBe(0);
    const someone = await env.app.db.user.findUniqueOrThrow({ where: { email: OAK.staff } });
    const oakfield = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    for (const address of [
      '/admin/organisations', '/admin/organisations/new', `/admin/organisations/${globalId('Organisation', oakfield.id)}`,
      '/admin/rag-deadlines', '/admin/missed-deadlines', '/admin/concern-patterns', `/admin/people/${globalId('User', someone.id)}`,
    ]) {
      await page.goto(address);
      await expect.poll(() => heading(page)).toBe('You do not have permission to see this page');
    }
    await capture(page, 'administration-not-permitted');
    await page.context().close();
  });
});
