// A DSL's notifications in a real browser: social care decides the DSL's referral (through the API,
// as a second person would) and the DSL's open home page shows it arrive over the live stream, the
// header's unread count goes up, and marking read brings it down. When the stream drops, the app
// connects again by itself and catches up. Each notification opens its record. Then how emails
// reach them.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, as, globalId } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { referAConcern } from './support.ts';

const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;

const env = browserAppForFile();
let dsl: Page;
beforeAll(async () => {
  dsl = await newPage(env.browser, env.app.url);
});
const IR_CREATE = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) {
    __typename ... on InformationRequestCreateSuccess { request { id reference } } } }`;

/** A referral of the DSL's, decided by the front door: the DSL is told (one notification). */
async function decidedReferral(decision = 'EARLY_HELP') {
  const { reference, referralId } = await referAConcern(env.app);
  const decided = await (await as(env.app, FRONT_DOOR[1]!)).request(DECIDE, {
    input: { referralId, decision, rationale: 'Early help offer through the school’s family worker.' },
  });
  expect(decided.data?.referralDecide.__typename, decided.raw).toBe('ReferralDecideSuccess');
  return reference;
}
const navCount = (page: Page) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /^Notifications/ }).textContent();
const feed = (page: Page) => page.locator('.app-feed');

describe('a DSL’s notifications', () => {
  it('arrive live on the home page while it is open, and count as unread in the header', async () => {
    await env.app.sql('UPDATE notification SET "readAt" = now() WHERE "recipientUserId" = (SELECT id FROM "user" WHERE email = $1)', [OAK.dsl]);
    const { reference, referralId } = await referAConcern(env.app);
    await signIn(dsl, OAK.dsl);
    await expect.poll(() => heading(dsl)).toContain('What needs you now');
    await feed(dsl).or(dsl.getByText('You have no notifications.')).first().waitFor();
    expect(await navCount(dsl)).toBe('Notifications');
    await capture(dsl, 'home-notifications-read');

    const decided = await (await as(env.app, FRONT_DOOR[1]!)).request(DECIDE, {
      input: { referralId, decision: 'EARLY_HELP', rationale: 'Early help offer through the school’s family worker.' },
    });
    expect(decided.data?.referralDecide.__typename, decided.raw).toBe('ReferralDecideSuccess');

    const item = feed(dsl).locator('.app-feed__item--unread', { hasText: reference });
    await item.waitFor();
    expect(await item.textContent()).toContain('Referral decided');
    expect(await item.textContent()).toMatch(/by .+ \(.+\)/);
    await expect.poll(() => navCount(dsl)).toBe('Notifications 1 unread');
    expect(await dsl.locator('[aria-live="polite"]').textContent()).toBe(`New notification: Referral decided, ${reference}`);
    await capture(dsl, 'home-notification-arrived');

    await item.getByRole('button', { name: /^Mark as read/ }).click();
    await expect.poll(() => navCount(dsl)).toBe('Notifications');
    expect(await feed(dsl).locator('.app-feed__item--unread').count()).toBe(0);
  });

  it('can all be marked read at once, from the notifications page', async () => {
    await referAConcern(env.app).then(({ referralId }) => as(env.app, FRONT_DOOR[1]!).then((mash) =>
      mash.request(DECIDE, { input: { referralId, decision: 'NO_FURTHER_ACTION', rationale: 'Needs met by universal services.' } })));
    await expect.poll(() => navCount(dsl)).toBe('Notifications 1 unread');
    await dsl.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /^Notifications/ }).click();
    await expect.poll(() => heading(dsl)).toBe('Notifications');
    await feed(dsl).locator('.app-feed__item--unread').first().waitFor();
    await capture(dsl, 'notifications');

    await dsl.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => navCount(dsl)).toBe('Notifications');
    expect(await feed(dsl).locator('.app-feed__item--unread').count()).toBe(0);
    expect(await dsl.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
  });

  it('come back by themselves after the live stream drops, catching up on what was sent meanwhile', async () => {
    await dsl.goto('/');
    await expect.poll(() => heading(dsl), { timeout: 10_000 }).toContain('What needs you now');
    await expect.poll(() => navCount(dsl), { timeout: 10_000 }).toBe('Notifications');
    await expect.poll(() => dsl.getByRole('status').count(), { timeout: 10_000 }).toBe(0);
    // The network fails: the stream is cut, and for a few seconds nothing reaches the API, so the
    // first attempts to connect again fail too.
    await dsl.route('**/graphql', (route) => route.abort('internetdisconnected'));
    env.app.dropConnections();
    const meanwhile = await decidedReferral();
    await dsl.waitForTimeout(2_500);
    await dsl.unroute('**/graphql');

    // Back: the feed and the count are loaded again, with what was sent while the stream was down.
    await feed(dsl).locator('.app-feed__item--unread', { hasText: meanwhile }).waitFor({ timeout: 30_000 });
    await expect.poll(() => navCount(dsl), { timeout: 10_000 }).toBe('Notifications 1 unread');
    // And the stream itself is back: the next one arrives live (only the stream announces).
    const after = await decidedReferral();
    await feed(dsl).locator('.app-feed__item--unread', { hasText: after }).waitFor();
    await expect.poll(() => dsl.locator('[aria-live="polite"]').textContent(), { timeout: 10_000 }).toBe(`New notification: Referral decided, ${after}`);
    await expect.poll(() => navCount(dsl), { timeout: 10_000 }).toBe('Notifications 2 unread');
    expect(await dsl.locator('.govuk-error-summary').count()).toBe(0);
    await capture(dsl, 'home-notifications-after-reconnecting');
  });

  it('open their record: a decided referral opens the concern, with the decision', async () => {
    const item = feed(dsl).locator('.app-feed__item').first();
    const reference = (await item.textContent())!.match(/Reference (\S+)/)![1]!;
    await item.getByRole('link', { name: 'Referral decided' }).click();
    await expect.poll(() => dsl.url(), { timeout: 10_000 }).toMatch(/\/entries\/[^/]+$/);
    await expect.poll(() => dsl.locator('main').textContent(), { timeout: 10_000 }).toContain(`Concern ${reference}`);
    expect(await dsl.locator('main').textContent()).toContain('Early help');
    await capture(dsl, 'notification-opens-concern');
  });

  it('open their record: an information request opens the school’s own row of it, to answer', async () => {
    const child = await env.app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} }, mergedIntoId: null } });
    const school = await env.app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const created = await (await as(env.app, FRONT_DOOR[1]!)).request(IR_CREATE, {
      input: {
        childId: globalId('Child', child.id), rag: 'AMBER', question: 'How has attendance been this term?', purpose: 'Deciding the response to a referral',
        recipientOrganisationIds: [globalId('Organisation', school.id)],
      },
    });
    expect(created.data?.informationRequestCreate.__typename, created.raw).toBe('InformationRequestCreateSuccess');
    const { reference } = created.data.informationRequestCreate.request;
    await dsl.goto('/notifications');
    const item = feed(dsl).locator('.app-feed__item', { hasText: reference });
    await item.getByRole('link', { name: 'Information request received' }).click();
    await expect.poll(() => heading(dsl), { timeout: 10_000 }).toContain(`Information request ${reference}`);
    expect(await dsl.locator('main').textContent()).toContain('How has attendance been this term?');
    expect(await dsl.getByRole('button', { name: 'Send answer' }).count()).toBe(1);
    expect(dsl.url()).not.toContain('/request/');
    await capture(dsl, 'notification-opens-information-request');

    // The front door, who asked, reads the request with each agency's answer at the same address.
    const mash = await newPage(env.browser, env.app.url);
    await signIn(mash, FRONT_DOOR[1]!);
    await mash.goto(`/information-requests/request/${created.data.informationRequestCreate.request.id}`);
    await expect.poll(() => heading(mash), { timeout: 10_000 }).toBe(`Information request ${reference}`);
    expect(await mash.getByRole('table', { name: `Answers to ${reference}` }).textContent()).toContain('Not answered yet');
    await capture(mash, 'information-request-requester');
    await mash.context().close();
    await dsl.goto('/notifications');
    await expect.poll(() => heading(dsl), { timeout: 10_000 }).toBe('Notifications');
  });

  it('go by email as they happen or in a daily digest, at a time the DSL chooses', async () => {
    await dsl.getByRole('link', { name: 'Change how you get notification emails' }).click();
    await expect.poll(() => heading(dsl)).toBe('How you get notification emails');
    await capture(dsl, 'notification-preferences');

    await dsl.getByLabel('Once a day, in one email').check();
    await dsl.getByLabel('Time to send it').fill('8am');
    await dsl.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => dsl.locator('.govuk-error-summary').textContent()).toContain('Enter the time as HH:MM');
    await capture(dsl, 'notification-preferences-errors');

    await dsl.getByLabel('Time to send it').fill('07:45');
    await dsl.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => dsl.locator('.govuk-notification-banner').textContent()).toContain('Your notification settings have been saved');
    await capture(dsl, 'notification-preferences-saved');
    const user = await env.app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
    expect([user.notificationDelivery, user.digestMinute]).toEqual(['DAILY_DIGEST', 7 * 60 + 45]);
    expect(env.app.serverErrors).toEqual([]);
  });
});
