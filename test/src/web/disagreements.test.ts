// The urgent path of a professional disagreement in a real browser: a DSL whose pupil is at
// immediate risk raises a disagreement straight at the senior managers' stage, with a reason, on
// the ladder's hours clock (the form says what is missing first). The page then offers each person
// exactly the actions the API lists for them: the raiser escalates or withdraws, and a partnership
// officer who only watches is offered nothing. Both see who the child is; only the DSL may open
// the child's record, and the officer is told they cannot.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, POLICE, as, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { childInView, expectChildInView, recordSummary, referAConcern } from './support.ts';

const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;

const BUSINESS_MANAGER = 'business.manager@partnership.northmoor.example';
const ACTION_BUTTONS = ['Send response', 'Resolve disagreement', 'Escalate', 'Withdraw disagreement'];

const env = browserAppForFile();
let childId: string;
let childDbId: string;
// A pupil the DSL referred, on whom the front door decided no further action: the decision is the
// social care entry the DSL disagrees with.
beforeAll(async () => {
  const { referralId } = await referAConcern(env.app);
  const decided = await (await as(env.app, FRONT_DOOR[1]!)).request(DECIDE, {
    input: { referralId, decision: 'NO_FURTHER_ACTION', rationale: 'Below the threshold for an assessment.' },
  });
  expect(decided.data?.referralDecide.__typename, decided.raw).toBe('ReferralDecideSuccess');
  const referral = await env.app.db.referral.findFirstOrThrow({ orderBy: { referredAt: 'desc' } });
  childDbId = referral.childId;
  childId = globalId('Child', childDbId);
});
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();
const offered = async (page: Page) => {
  const shown: string[] = [];
  for (const name of ACTION_BUTTONS) if ((await page.getByRole('button', { name, exact: true }).count()) > 0) shown.push(name);
  return shown;
};

describe('an urgent disagreement', () => {
  let url: string;

  it('is raised straight at the senior managers’ stage, with a reason, after the immediate-risk advice', async () => {
    const dsl = await newPage(env.browser, env.app.url);
    await signIn(dsl, OAK.dsl);
    await dsl.goto(`/children/${childId}/disagreements/new`);
    await expect.poll(() => heading(dsl), { timeout: 10_000 }).toContain('Raise a disagreement');
    expect(await dsl.locator('main .govuk-warning-text').first().textContent()).toContain('call 999 or contact the front door now');

    await dsl.getByRole('group', { name: 'Is the child at immediate risk?' }).getByLabel('Yes').check();
    const urgent = dsl.getByRole('group', { name: /straight to a higher stage/ });
    expect(await urgent.textContent()).toContain('4 hours');
    await urgent.getByLabel('Yes, it is urgent').check();
    await dsl.getByRole('group', { name: 'Which agency’s decision do you disagree with?' }).getByRole('radio').first().check();
    await dsl.locator('#reasonCode').check();
    await dsl.getByLabel('What decision do you disagree with?').fill('No strategy discussion after the disclosure');
    const today = new Date();
    await dsl.getByLabel('Day').fill(String(today.getDate()));
    await dsl.getByLabel('Month').fill(String(today.getMonth() + 1));
    await dsl.getByLabel('Year').fill(String(today.getFullYear()));
    await dsl.getByLabel('What is the evidence for your view?').fill('The child disclosed an injury this morning and is due home at 3pm.');
    await dsl.getByLabel('What outcome do you want?').fill('A strategy discussion today.');
    await dsl.getByRole('button', { name: 'Raise disagreement' }).click();

    // Urgent, but no reason or stage: the error summary says so, and each link goes to its field.
    await expect.poll(() => errorSummary(dsl), { timeout: 10_000 }).toContain('Enter why this is urgent');
    expect(await errorSummary(dsl)).toContain('Select the stage to start at');
    expect(await dsl.title()).toMatch(/^Error: /);
    await capture(dsl, 'disagreement-raise-urgent-errors');
    await dsl.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why this is urgent' }).click();
    expect(await dsl.evaluate(() => document.activeElement?.id)).toBe('urgentReason');

    await dsl.getByLabel('Why is it urgent?').fill('The child goes home to the alleged abuser at 3pm today.');
    await dsl.getByRole('group', { name: 'Which stage should it start at?' }).getByLabel('Stage 3: Senior managers').check();
    await capture(dsl, 'disagreement-raise-urgent-filled');
    await dsl.getByRole('button', { name: 'Raise disagreement' }).click();

    await expect.poll(() => heading(dsl), { timeout: 10_000 }).toContain('Disagreement');
    url = new URL(dsl.url()).pathname;
    // The immediate-risk advice comes before anything else on the page.
    expect(await dsl.locator('main > *').first().textContent()).toContain('call 999');
    expect(await recordSummary(dsl).textContent()).toContain('The child goes home to the alleged abuser at 3pm today.');
    await expectChildInView(childInView(dsl), env.app, childDbId, { opens: true });
    const stage = dsl.locator('.app-timeline__item');
    expect(await stage.count()).toBe(1);
    for (const text of ['Stage 3: Senior managers', 'Current stage', 'Due by', 'Raising side', 'Head of service']) expect(await stage.textContent(), text).toContain(text);
    const saved = await env.app.db.disagreement.findFirstOrThrow({ where: { urgentReason: { not: null } }, include: { stages: true } });
    expect([saved.urgency, saved.currentPosition]).toEqual(['URGENT', 3]);
    expect(saved.stages[0]!.dueAt.getTime() - saved.stages[0]!.enteredAt.getTime()).toBe(4 * 3600_000);

    // The DSL raised it: at the senior managers' stage they may move it up or withdraw it, not answer for the managers.
    expect(await offered(dsl)).toEqual(['Escalate', 'Withdraw disagreement']);
    await capture(dsl, 'disagreement-urgent');
    await dsl.context().close();
  });

  it('offers nothing to a partnership officer who only watches it, and says so', async () => {
    const officer = await newPage(env.browser, env.app.url);
    await signIn(officer, BUSINESS_MANAGER);
    await officer.goto(url);
    await expect.poll(() => heading(officer), { timeout: 10_000 }).toContain('Disagreement');
    await officer.locator('.app-timeline__item').first().waitFor();
    expect(await offered(officer)).toEqual([]);
    expect(await officer.locator('main form').count()).toBe(0);
    expect(await officer.locator('#no-actions').textContent()).toContain('You have nothing to do on this disagreement at its current stage');
    await expectChildInView(childInView(officer), env.app, childDbId, { opens: false });
    await capture(officer, 'disagreement-no-actions');
    expect(env.app.serverErrors).toEqual([]);
    await officer.context().close();
  });
});

describe('the whole queue of disagreements', () => {
  const RAISE = /* GraphQL */ `
    mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) { __typename ... on Error { message } } }`;
  const QUEUE = /* GraphQL */ `query { disagreementQueue(first: 100) { edges { node { reference } } } }`;
  const rowsOf = (page: Page) => page.locator('table[aria-labelledby="disagreements"] tbody tr td:first-child').allTextContents();

  it('is on its own page, 25 at a time, when home shows only the 25 due soonest', async () => {
    const socialCare = await env.app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
    const worker = await env.app.db.user.findUniqueOrThrow({ where: { email: FRONT_DOOR[0]! } });
    const dsl = await as(env.app, OAK.dsl);
    for (let i = 1; i <= 26; i++) {
      const raised = await dsl.request(RAISE, { input: {
        childId, respondingOrganisationId: globalId('Organisation', socialCare.id), respondingUserId: globalId('User', worker.id),
        decisionChallenged: `No further action on referral ${i} of 26`, decisionDate: new Date().toISOString().slice(0, 10),
        reasonCode: 'THRESHOLD_NOT_MET', evidence: 'A pattern of injuries this term.', outcomeSought: 'A strategy discussion', immediateRisk: false,
      } });
      expect(raised.data?.disagreementRaise.__typename, raised.raw).toBe('DisagreementRaiseSuccess');
    }
    // The social worker answers for social care at the first stage of each.
    const queue = ((await (await as(env.app, FRONT_DOOR[0]!)).request(QUEUE)).data.disagreementQueue.edges as { node: { reference: string } }[])
      .map((e) => e.node.reference);
    expect(queue.length).toBeGreaterThan(25);

    const page = await newPage(env.browser, env.app.url);
    await signIn(page, FRONT_DOOR[0]!);
    const caption = page.locator('#disagreements');
    await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toBe('Disagreements at a stage where you act: the 25 due soonest');
    expect(await rowsOf(page)).toEqual(queue.slice(0, 25));
    await page.getByRole('link', { name: 'All disagreements waiting for you' }).click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Disagreements waiting for you');
    await expect.poll(() => rowsOf(page), { timeout: 10_000 }).toEqual(queue.slice(0, 25));
    await capture(page, 'disagreement-queue');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => rowsOf(page), { timeout: 10_000 }).toEqual(queue.slice(25, 50));
    expect(await page.locator('main').textContent()).toContain('(page 2)');
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(queue.length > 50 ? 1 : 0);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect.poll(() => rowsOf(page), { timeout: 10_000 }).toEqual(queue.slice(0, 25));

    // A row opens the disagreement.
    await page.getByRole('link', { name: queue[0]! }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toContain('Disagreement');
    await page.context().close();
  });

  it('says so when nothing is waiting', async () => {
    const page = await newPage(env.browser, env.app.url);
    await signIn(page, POLICE[0]!);
    await page.goto('/disagreements');
    await expect.poll(() => page.locator('table[aria-labelledby="disagreements"] tbody').textContent(), { timeout: 10_000 })
      .toBe('No open disagreement is at a stage where you act.');
    expect(await page.getByRole('navigation', { name: 'Disagreement pages' }).count()).toBe(0);
    expect(env.app.serverErrors).toEqual([]);
    await page.context().close();
  });
});
