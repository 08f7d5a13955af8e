// A DSL's notifications in a real browser: social care decides the DSL's referral (through the API,
// as a second person would) and the DSL's open home page shows it arrive over the live stream, the
// header's unread count goes up, and marking read brings it down. Then how emails reach them.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, as } from '../access/fixtures.ts';
import { browserAppForFile, capture, heading, newPage, signIn } from '../support/browser.ts';
import { referAConcern } from './support.ts';

const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;

const env = browserAppForFile();
let dsl: Page;
beforeAll(async () => {
  dsl = await newPage(env.browser, env.app.url);
});
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
