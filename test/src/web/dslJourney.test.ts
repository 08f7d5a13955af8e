// A school DSL's everyday journey in a real env.browser, and social care's side of it: find a child,
// read the record, flag a concern and refer it; the front door decides; the DSL disagrees; the clock
// moves the disagreement up to stage 2 when stage 1 runs out; a manager resolves it. Every
// screen is checked with axe-core in its empty, filled and error states.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, POLICE, TEAM_MANAGER, entryBy, globalId, share } from '../access/fixtures.ts';
import { sweepDeadlines } from '@wraparound/schema';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { childInView, expectChildInView, recordSummary } from './support.ts';

const env = browserAppForFile();
let child: { id: string; givenName: string; familyName: string; nhsNumber: string };
beforeAll(async () => {
  child = (await env.app.db.child.findFirstOrThrow({
    where: {
      school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, nhsNumber: { not: null }, mergedIntoId: null,
      entries: { some: { organisation: { name: 'Oakfield Primary School' } } },
    },
    orderBy: { entries: { _count: 'desc' } },
  })) as typeof child;
  // A police entry shared with the school, so the DSL's chronology holds two agencies' entries.
  const oakfield = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const incident = await entryBy(env.app, POLICE[0]!, child.id, 'Police attended a domestic incident at the home', true);
  await share(env.app, POLICE[0]!, incident, { org: oakfield.id });
});
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();

let dsl: Page;
describe('a DSL', () => {
  beforeAll(async () => {
    dsl = await newPage(env.browser, env.app.url);
  });

  it('signs in to what needs them now', async () => {
    await signIn(dsl, OAK.dsl);
    await expect.poll(() => heading(dsl)).toContain('What needs you now');
    // Every section of the home page loaded (no "Loading…" left) before the picture is taken.
    await expect.poll(() => dsl.getByRole('status').filter({ hasText: 'Loading' }).count()).toBe(0);
    await capture(dsl, 'home-dsl');
  });

  it('finds a child by NHS number', async () => {
    await dsl.getByRole('link', { name: 'Find a child', exact: true }).first().click();
    await expect.poll(() => heading(dsl)).toBe('Find a child');
    await capture(dsl, 'find-child');

    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => errorSummary(dsl)).toContain('Select how you want to find the child');
    await capture(dsl, 'find-child-errors');

    await dsl.getByLabel('NHS number', { exact: true }).first().check();
    await dsl.getByRole('textbox', { name: 'NHS number' }).fill('123');
    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => dsl.locator('#nhsNumber-error').textContent()).toMatch(/NHS number/);
    await capture(dsl, 'find-child-server-error');

    await dsl.getByRole('textbox', { name: 'NHS number' }).fill(child.nhsNumber);
    await dsl.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => dsl.locator('caption').textContent()).toBe('1 child found');
    expect(dsl.url()).toBe(`${env.app.url}/children`);
    await capture(dsl, 'find-child-results');
  });

  it('reads the child’s page and chronology', async () => {
    await dsl.getByRole('link', { name: `${child.givenName} ${child.familyName}` }).click();
    await expect.poll(() => heading(dsl)).toContain(`${child.givenName} ${child.familyName}`);
    await dsl.locator('.app-timeline__item').first().waitFor();
    await capture(dsl, 'child');
    // Only an opaque id in the address.
    expect(dsl.url()).not.toContain(child.nhsNumber);
    expect(dsl.url()).not.toContain(child.familyName);

    await dsl.getByRole('button', { name: 'Load more entries' }).click();
    await expect.poll(() => dsl.locator('.app-timeline__item').count()).toBeGreaterThan(10);
    // Unfiltered, the school's entries and another agency's shared with it; filtered to the school,
    // only the school's (checked together, so an empty or failed timeline cannot pass).
    const agencies = async () => {
      const text = (await dsl.locator('.app-timeline').textContent()) ?? '';
      return [...new Set([...text.matchAll(/ \((School|Police|Health|Children’s social care|Early help)\) · /g)].map((m) => m[1]))].sort();
    };
    expect(await agencies()).toEqual(expect.arrayContaining(['School', expect.not.stringMatching(/^School$/)]));
    await dsl.getByRole('group', { name: 'Agency' }).getByLabel('School').check();
    await dsl.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(agencies).toEqual(['School']);
    await capture(dsl, 'child-filtered');
  });

  it('flags a concern, field by field, and refers it', async () => {
    await dsl.getByRole('button', { name: 'Flag a concern' }).click();
    await expect.poll(() => heading(dsl)).toBe('Flag a concern');
    await capture(dsl, 'concern-flag');

    await dsl.getByRole('button', { name: 'Save concern' }).click();
    await expect.poll(() => errorSummary(dsl)).toContain('Enter the date it happened');
    for (const problem of ['Select at least one category', 'Enter what happened', 'Select the level of risk']) expect(await errorSummary(dsl)).toContain(problem);
    await capture(dsl, 'concern-flag-errors');
    await dsl.locator('.govuk-error-summary').getByRole('link', { name: 'Enter what happened' }).click();
    expect(await dsl.evaluate(() => document.activeElement?.id)).toBe('narrative');

    const today = new Date();
    await dsl.getByLabel('Day').fill(String(today.getDate()));
    await dsl.getByLabel('Month').fill(String(today.getMonth() + 1));
    await dsl.getByLabel('Year').fill(String(today.getFullYear()));
    await dsl.getByLabel('Time it happened').fill('00:05');
    await dsl.getByLabel('Neglect').check();
    await dsl.getByLabel('Summary (optional)').fill('Arrived without a coat in the snow');
    await dsl.getByLabel('What happened?').fill('Arrived at 8:40 without a coat, shivering; said there was no breakfast.');
    await dsl.getByLabel('The child’s own words (optional)').fill('Mum was asleep and I could not find my coat.');
    await dsl.getByLabel('Medium').check();
    await dsl.getByRole('group', { name: 'Has the designated safeguarding lead been told?' }).getByLabel('Yes').check();
    await capture(dsl, 'concern-flag-filled');
    await dsl.getByRole('button', { name: 'Save concern' }).click();

    await expect.poll(() => heading(dsl)).toContain('Arrived without a coat in the snow');
    expect(await dsl.locator('.govuk-notification-banner').textContent()).toContain('Concern recorded');
    await expectChildInView(childInView(dsl), env.app, child.id, { opens: true });
    await capture(dsl, 'concern');

    await dsl.getByRole('button', { name: 'Refer to children’s social care' }).click();
    await expect.poll(() => dsl.locator('.govuk-notification-banner').textContent()).toContain('Referred to children’s social care');
    await expect.poll(() => dsl.getByRole('button', { name: 'Refer to children’s social care' }).count()).toBe(0);
    await capture(dsl, 'concern-referred');
  });
});

describe('the front door', () => {
  it('decides no further action on the referral, with reasons', async () => {
    const mash = await newPage(env.browser, env.app.url);
    await signIn(mash, FRONT_DOOR[1]!);
    // Home shows the most urgent few and how many wait; the whole queue is a link away.
    const frontDoor = await env.app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
    const waiting = await env.app.db.referral.count({ where: { decidedAt: null, toOrganisationId: frontDoor.id } });
    await mash.getByRole('table', { name: /^Referrals awaiting your decision/ }).waitFor();
    await capture(mash, 'home-front-door');
    await mash.getByRole('link', { name: `All ${waiting} referrals awaiting a decision` }).click();
    await expect.poll(() => heading(mash)).toBe('Referrals awaiting a decision');
    await expect.poll(() => mash.getByRole('status').filter({ hasText: 'awaiting a decision' }).textContent()).toContain(`${waiting} referrals awaiting a decision`);
    await capture(mash, 'referral-queue');
    // The DSL's referral (medium risk, due tomorrow) is found by filtering for the school's medium-risk ones.
    await mash.getByRole('group', { name: 'Risk' }).getByLabel('Medium').check();
    await mash.getByLabel('Referred by').selectOption({ label: 'Oakfield Primary School' });
    await mash.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => mash.getByRole('status').filter({ hasText: /match(es)? these filters/ }).count()).toBe(1);
    await capture(mash, 'referral-queue-filtered');
    const concern = await env.app.db.concern.findFirstOrThrow({ where: { entry: { summary: 'Arrived without a coat in the snow' } } });
    await mash.getByRole('link', { name: concern.reference }).click();
    await expect.poll(() => heading(mash)).toContain('Arrived without a coat in the snow');
    // The front door sees whose referral it is before deciding.
    await expectChildInView(childInView(mash), env.app, child.id, { opens: true });

    await mash.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => errorSummary(mash)).toContain('Select the response');
    await capture(mash, 'referral-decide-errors');

    await mash.getByLabel('No further action').check();
    await mash.getByLabel('Reasons for the decision').fill('Below the threshold: the school’s support plan meets the need.');
    await mash.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => mash.locator('.govuk-notification-banner').textContent()).toContain('Decision recorded');
    await expect.poll(() => recordSummary(mash).textContent()).toContain('No further action');
    await capture(mash, 'referral-decided');
    await mash.context().close();
  });
});

describe('the DSL disagrees and a manager resolves it', () => {
  let disagreementUrl: string;

  it('raises a disagreement with the front door’s decision, after the immediate-risk advice', async () => {
    await dsl.goto(`/children/${globalId('Child', child.id)}`);
    await dsl.getByRole('button', { name: 'Raise a disagreement' }).click();
    await expect.poll(() => heading(dsl)).toContain('Raise a disagreement');
    // The first thing on the page is what to do if the child is at immediate risk.
    expect(await dsl.locator('main .govuk-warning-text').first().textContent()).toContain('call 999 or contact the front door now');
    await capture(dsl, 'disagreement-raise');

    await dsl.getByRole('button', { name: 'Raise disagreement' }).click();
    await expect.poll(() => errorSummary(dsl)).toContain('Select yes if the child is at immediate risk');
    await capture(dsl, 'disagreement-raise-errors');

    const socialCare = await env.app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
    await dsl.getByRole('group', { name: 'Is the child at immediate risk?' }).getByLabel('No').check();
    await dsl.getByRole('group', { name: /straight to a higher stage/ }).getByLabel('No, start at stage 1').check();
    await dsl.getByRole('group', { name: 'Which agency’s decision do you disagree with?' }).getByLabel(socialCare.name).check();
    await dsl.locator('#reasonCode').check();
    await dsl.getByLabel('What decision do you disagree with?').fill('No further action on the referral');
    const today = new Date();
    await dsl.getByLabel('Day').fill(String(today.getDate()));
    await dsl.getByLabel('Month').fill(String(today.getMonth() + 1));
    await dsl.getByLabel('Year').fill(String(today.getFullYear()));
    await dsl.getByLabel('What is the evidence for your view?').fill('Third time this month the child has arrived cold and hungry.');
    await dsl.getByLabel('What outcome do you want?').fill('An assessment under section 17.');
    await capture(dsl, 'disagreement-raise-filled');
    await dsl.getByRole('button', { name: 'Raise disagreement' }).click();

    await expect.poll(() => heading(dsl)).toContain('Disagreement');
    expect(await dsl.locator('.govuk-notification-banner').textContent()).toContain('Disagreement raised');
    await expectChildInView(childInView(dsl), env.app, child.id, { opens: true });
    disagreementUrl = new URL(dsl.url()).pathname;
    // Stage 1 on the timeline: its deadline and who takes part on each side.
    const stage1 = () => dsl.locator('.app-timeline__item').first().textContent();
    for (const text of ['Stage 1: Practitioner to practitioner', 'Current stage', 'Due by', 'Raising side', 'Oakfield Primary School', 'Responding side', socialCare.name]) {
      await expect.poll(stage1, { timeout: 10_000, message: text }).toContain(text);
    }
    await capture(dsl, 'disagreement');
  });

  it('is moved up to stage 2 by the clock when stage 1 runs out (escalating by hand asks why first)', async () => {
    // By hand, the form asks why before anything moves.
    await dsl.getByRole('button', { name: 'Escalate' }).click();
    await expect.poll(() => dsl.locator('.govuk-error-summary').first().textContent()).toContain('Enter why you are escalating');
    await capture(dsl, 'disagreement-escalate-errors');

    // Nobody escalates: stage 1's time runs out and the deadline sweep (the job queue's safety net,
    // run here at the moment the escalation falls due) moves it up.
    const disagreement = await env.app.db.disagreement.findFirstOrThrow({ where: { childId: child.id }, orderBy: { createdAt: 'desc' } });
    const stage1 = await env.app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: disagreement.id, position: 1 } });
    const escalation = await env.app.db.deadline.findFirstOrThrow({ where: { kind: 'STAGE_ESCALATION', subjectId: stage1.id } });
    await sweepDeadlines(env.app.db, new Date(escalation.dueAt.getTime() + 1000));

    await dsl.reload();
    await expect.poll(() => dsl.locator('.app-timeline').textContent(), { timeout: 10_000 }).toContain('Stage 2');
    // Stage 1 says how it ended: moved up by the clock, not by a person.
    expect(await dsl.locator('.app-timeline__item').first().textContent()).toContain('Moved up when its time ran out');
    await capture(dsl, 'disagreement-escalated');
  });

  it('is resolved by the social care team manager, with the agreed outcome', async () => {
    const manager = await newPage(env.browser, env.app.url);
    await signIn(manager, TEAM_MANAGER);
    await manager.getByRole('table', { name: 'Disagreements at a stage where you act' }).waitFor();
    await capture(manager, 'home-team-manager');
    await manager.goto(disagreementUrl);
    await manager.getByRole('button', { name: 'Resolve disagreement' }).click();
    await expect.poll(() => errorSummary(manager)).toContain('Enter the agreed outcome');
    await capture(manager, 'disagreement-resolve-errors');
    await manager.getByLabel('Agreed outcome').fill('A section 17 assessment will start this week.');
    await manager.getByRole('group', { name: 'Was a system issue found?' }).getByLabel('No').check();
    await manager.getByRole('button', { name: 'Resolve disagreement' }).click();
    await expect.poll(() => manager.locator('.govuk-notification-banner').textContent()).toContain('Disagreement resolved');
    await expect.poll(() => recordSummary(manager).textContent()).toContain('A section 17 assessment will start this week.');
    // Resolved: nobody has anything more to do, so no action is offered.
    for (const name of ['Send response', 'Resolve disagreement', 'Escalate', 'Withdraw disagreement']) {
      expect(await manager.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await manager.locator('#no-actions').textContent()).toContain('This disagreement has ended');
    await capture(manager, 'disagreement-resolved');
    await manager.context().close();
  });

  it('and the DSL signs out', async () => {
    await dsl.getByRole('link', { name: 'Sign out' }).click();
    await expect.poll(() => heading(dsl)).toBe('Sign in to Wraparound');
    await dsl.context().close();
  });
});
