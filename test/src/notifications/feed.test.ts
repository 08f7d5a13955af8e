// The in-app feed (unread count, mark read, mark all read; only ever your own), the daily digest
// (held until the chosen time, then one email; urgent ones never held), and the administrator's
// view of emails that failed, with a retry. All through GraphQL over HTTP and a real SMTP server.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { createMailTransport, deliverDueDigests, deliverDueEmails, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { globalId } from '../access/fixtures.ts';
import { signIn } from '../support/personas.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

const FEED = /* GraphQL */ `
  query($unreadOnly: Boolean) { notificationUnreadCount notifications(first: 50, unreadOnly: $unreadOnly) { edges { node {
    id kind title sentence urgent reference subjectType subjectId actor readAt channel } } } }`;
const MARK = /* GraphQL */ `
  mutation($ids: [ID!]!) { notificationsMarkRead(ids: $ids) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on NotificationsMarkReadSuccess { unreadCount notifications { id readAt } } } }`;
const MARK_ALL = /* GraphQL */ `mutation { notificationsMarkAllRead { unreadCount } }`;
const PREFERENCES = /* GraphQL */ `
  mutation($input: NotificationPreferencesInput!) { notificationPreferencesUpdate(input: $input) { __typename
    ... on ValidationError { fieldErrors { field message } } ... on NotificationPreferencesUpdateSuccess { preferences { delivery digestTime } } } }`;
const FAILURES = /* GraphQL */ `
  query { notificationFailures(first: 20) { edges { node { id kind reference status attempts lastError recipient { email } } } } }`;
const RETRY = /* GraphQL */ `
  mutation($id: ID!) { notificationRetry(id: $id) { __typename ... on Error { message } ... on NotificationRetrySuccess { notification { status attempts } } } }`;
const CONCERN = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;
const REFER = /* GraphQL */ `mutation($id: ID!) { concernRefer(concernId: $id) { __typename ... on Error { message } } }`;

const SETTINGS = { maxAttempts: 2, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' };

let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;
let children: Child[];

/** Signs in afresh: these tests move the clock past the session's idle limit. */
const as = (_app: TestApp, email: string) => signIn(app, email);

beforeAll(async () => {
  app = await startTestApp();
  catcher = await startMailCatcher();
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
  children = await app.db.child.findMany({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } }, orderBy: { id: 'asc' }, take: 6 });
});
afterAll(async () => {
  transport?.close();
  await catcher?.close();
  await app?.close();
});

/** The DSL raises and refers a concern: the front door's deciders are told (not urgent). */
async function referral(n: number) {
  const dsl = await as(app, EMAIL.dsl);
  const raised = await dsl.request(CONCERN, {
    input: {
      childId: globalId('Child', children[n]!.id), categories: ['NEGLECT'], narrative: 'Arrived hungry and cold again', riskLevel: 'MEDIUM',
      dslInformed: true, occurredAt: new Date(app.now().getTime() - 3600_000).toISOString(),
    },
  });
  const concern = raised.data.concernRaise.concern;
  expect((await dsl.request(REFER, { id: concern.id })).data.concernRefer.__typename).toBe('ConcernReferSuccess');
  return concern.reference as string;
}

/** The team manager breaks the glass: the IG lead is told (urgent). */
async function breakGlass(n: number) {
  const result = await (await as(app, EMAIL.teamManager)).request(BREAK_GLASS, {
    input: { childId: globalId('Child', children[n]!.id), reason: 'Child missing overnight; police need the history now' },
  });
  expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
}

describe('the in-app feed', () => {
  it('lists my notifications newest first with an unread count; marking read, one by one or all', async () => {
    const mash = await as(app, EMAIL.mashWorker);
    const firstRef = await referral(0);
    const secondRef = await referral(1);
    const feed = (await mash.request(FEED, {})).data;
    expect(feed.notificationUnreadCount).toBe(2);
    const nodes = feed.notifications.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.reference)).toEqual([secondRef, firstRef]);
    expect(nodes[0]).toMatchObject({
      kind: 'REFERRAL_RECEIVED', title: 'New referral', urgent: false, subjectType: 'ChronologyEntry', readAt: null, channel: 'IN_APP',
      actor: expect.stringContaining('Oakfield Primary School'),
    });
    // It points to the referred concern's entry, which the front door may open (its page shows the referral).
    const OPEN = /* GraphQL */ `query($id: ID!) { chronologyEntry(id: $id) { id concern { reference } } }`;
    expect((await mash.request(OPEN, { id: nodes[0].subjectId })).data.chronologyEntry).toEqual({ id: nodes[0].subjectId, concern: { reference: secondRef } });

    const marked = (await mash.request(MARK, { ids: [nodes[1].id] })).data.notificationsMarkRead;
    expect(marked.unreadCount).toBe(1);
    expect(marked.notifications[0].readAt).not.toBeNull();
    expect((await mash.request(FEED, { unreadOnly: true })).data.notifications.edges.map((e: any) => e.node.reference)).toEqual([secondRef]);

    // Marking again keeps the first time it was read.
    const again = (await mash.request(MARK, { ids: [nodes[1].id] })).data.notificationsMarkRead;
    expect(again.notifications[0].readAt).toBe(marked.notifications[0].readAt);

    expect((await mash.request(MARK_ALL)).data.notificationsMarkAllRead.unreadCount).toBe(0);
    expect((await mash.request(FEED, { unreadOnly: true })).data.notifications.edges).toEqual([]);
  });

  it('never shows or marks anyone else’s: their ids are "not found" and nothing changes', async () => {
    await referral(2);
    const socialWorker = await as(app, EMAIL.socialWorker);
    const theirs = (await socialWorker.request(FEED, { unreadOnly: true })).data.notifications.edges.map((e: any) => e.node.id);
    expect(theirs.length).toBeGreaterThan(0);
    // The DSL who referred, the IG lead and another partnership's DSL see none of them.
    for (const email of [EMAIL.dsl, EMAIL.igLead, EMAIL.otherbyDsl]) {
      const other = await as(app, email);
      const ids = (await other.request(FEED, {})).data.notifications.edges.map((e: any) => e.node.id);
      for (const id of theirs) expect(ids).not.toContain(id);
      const refused = (await other.request(MARK, { ids: theirs })).data.notificationsMarkRead;
      expect(refused).toMatchObject({ __typename: 'NotFoundError' });
    }
    // A mix of mine and theirs marks nothing.
    const dsl = await as(app, EMAIL.dsl);
    const mine = (await dsl.request(FEED, {})).data.notifications.edges.map((e: any) => e.node.id);
    if (mine.length > 0) expect((await dsl.request(MARK, { ids: [mine[0], theirs[0]] })).data.notificationsMarkRead.__typename).toBe('NotFoundError');
    expect((await socialWorker.request(FEED, { unreadOnly: true })).data.notifications.edges).toHaveLength(theirs.length);
    expect((await socialWorker.request(MARK, { ids: [] })).data.notificationsMarkRead.fieldErrors).toEqual([{ field: 'ids', message: 'Choose at least one notification' }]);
  });
});

describe('the daily digest', () => {
  it('holds what is not urgent until the chosen time and sends it as one email; urgent ones go at once', async () => {
    const igLead = await as(app, EMAIL.igLead);
    const mash = await as(app, EMAIL.mashWorker);
    expect((await mash.request(PREFERENCES, { input: { delivery: 'DAILY_DIGEST', digestTime: '7am' } })).data.notificationPreferencesUpdate.fieldErrors)
      .toEqual([{ field: 'digestTime', message: 'Write the time as HH:MM, e.g. 08:00' }]);
    const set = await mash.request(PREFERENCES, { input: { delivery: 'DAILY_DIGEST', digestTime: '07:30' } });
    expect(set.data.notificationPreferencesUpdate.preferences).toEqual({ delivery: 'DAILY_DIGEST', digestTime: '07:30' });
    // The IG lead asks for a digest too, but break-glass alerts cannot be held.
    await igLead.request(PREFERENCES, { input: { delivery: 'DAILY_DIGEST', digestTime: '07:30' } });

    await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    catcher.received.length = 0;
    const refs = [await referral(3), await referral(4)];
    await breakGlass(5);
    const mashUser = await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.mashWorker } });
    const held = await app.db.notification.findMany({ where: { recipientUserId: mashUser.id, channel: 'EMAIL', status: 'HELD_FOR_DIGEST' } });
    expect(held).toHaveLength(2);
    // Held until 07:30 London time next.
    const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const row of held) {
      expect(london.format(row.nextAttemptAt)).toBe('07:30');
      expect(row.nextAttemptAt.getTime() - app.now().getTime()).toBeLessThanOrEqual(86_400_000);
    }

    // Now: the break-glass alert goes; nothing for the MASH worker yet.
    await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    await deliverDueDigests(app.db, transport, { ...SETTINGS, now: app.now() });
    const toIgLead = catcher.received.filter((m) => m.to.includes(EMAIL.igLead));
    expect(toIgLead.map((m) => m.subject)).toEqual([expect.stringMatching(/^Urgent: Emergency access used/)]);
    expect(catcher.received.filter((m) => m.to.includes(EMAIL.mashWorker))).toEqual([]);

    // At the digest time: one email with both referrals, once.
    app.advanceClock(held[0]!.nextAttemptAt.getTime() - app.now().getTime() + 1000);
    await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    expect((await deliverDueDigests(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(2);
    expect((await deliverDueDigests(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(0);
    const digests = catcher.received.filter((m) => m.to.includes(EMAIL.mashWorker));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('Your Wraparound digest – 2 notifications');
    for (const ref of refs) expect(digests[0]!.text).toContain(`New referral: ${ref}`);
    expect(await app.db.notification.count({ where: { recipientUserId: mashUser.id, channel: 'EMAIL', status: 'HELD_FOR_DIGEST' } })).toBe(0);

    // Back to immediate: anything still held goes at once.
    await referral(0);
    expect(await app.db.notification.count({ where: { recipientUserId: mashUser.id, channel: 'EMAIL', status: 'HELD_FOR_DIGEST' } })).toBe(1);
    const back = await (await as(app, EMAIL.mashWorker)).request(PREFERENCES, { input: { delivery: 'IMMEDIATE' } });
    expect(back.data.notificationPreferencesUpdate.preferences).toEqual({ delivery: 'IMMEDIATE', digestTime: '07:30' });
    expect(await app.db.notification.count({ where: { recipientUserId: mashUser.id, channel: 'EMAIL', status: 'HELD_FOR_DIGEST' } })).toBe(0);
    await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    expect(catcher.received.filter((m) => m.to.includes(EMAIL.mashWorker))).toHaveLength(2);
  });
});

describe('failed emails', () => {
  it('the administrator sees an email that failed after every attempt and sends it again; nobody else can', async () => {
    catcher.mode = { kind: 'rejectAddress', address: EMAIL.igLead };
    await breakGlass(1);
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
      app.advanceClock(2 * 3600_000);
    }
    const admin = await as(app, EMAIL.admin);
    const failures = (await admin.request(FAILURES)).data.notificationFailures.edges.map((e: any) => e.node);
    expect(failures).toEqual([expect.objectContaining({ kind: 'BREAK_GLASS', status: 'FAILED', attempts: 2, lastError: 'EENVELOPE SMTP 550 at RCPT', recipient: { email: EMAIL.igLead } })]);

    // The recipient, a DSL and another partnership's DSL: an empty list, and a retry is refused.
    for (const email of [EMAIL.igLead, EMAIL.dsl, EMAIL.otherbyDsl]) {
      const other = await as(app, email);
      const list = await other.request(FAILURES);
      expect(list.data?.notificationFailures.edges, list.raw).toEqual([]);
      expect((await other.request(RETRY, { id: failures[0].id })).data.notificationRetry.__typename).toBe('NotAuthorisedError');
    }

    catcher.mode = { kind: 'accept' };
    const retried = (await admin.request(RETRY, { id: failures[0].id })).data.notificationRetry;
    expect(retried).toEqual({ __typename: 'NotificationRetrySuccess', notification: { status: 'PENDING', attempts: 0 } });
    expect((await admin.request(RETRY, { id: failures[0].id })).data.notificationRetry.__typename).toBe('NotFoundError');
    catcher.received.length = 0;
    await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    expect(catcher.received.map((m) => m.to[0])).toEqual([EMAIL.igLead]);
    expect((await admin.request(FAILURES)).data.notificationFailures.edges).toEqual([]);
    expect(await app.db.auditEvent.count({ where: { action: 'notification.retry' } })).toBe(1);
  });
});
