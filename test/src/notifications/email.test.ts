// The email outbox against a real SMTP server on loopback: break-glass alerts written through the
// real API are delivered once each to the IG lead, carry no child's details, survive a refusing
// server (backoff and retry), give up on an address that never works, and fall back to .eml files
// when no SMTP_URL is set.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child, Notification } from '@wraparound/prisma';
import { createMailTransport, deliverDueEmails, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { simpleParser } from 'mailparser';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { as, globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL, userId } from '../restrictions/support.ts';

let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;
let children: Child[];
let igLeadId: string;

const PUBLIC_URL = 'https://wraparound.test';
const FROM = 'Wraparound <no-reply@wraparound.invalid>';
const REASON = 'Child missing overnight; police need the safeguarding history now';
const settings = (now: Date, maxAttempts = 8) => ({ now, maxAttempts, publicUrl: PUBLIC_URL, from: FROM });

beforeAll(async () => {
  app = await startTestApp();
  children = await app.db.child.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { id: 'asc' } });
  igLeadId = await userId(app, EMAIL.igLead);
  catcher = await startMailCatcher();
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
});

afterAll(async () => {
  transport?.close();
  await catcher?.close();
  await app?.close();
});

/** Breaks the glass on the n-th seeded child: one EMAIL row for the IG lead. Returns its row. */
async function breakGlass(n: number): Promise<Notification & { reference: string }> {
  const teamManager = await as(app, EMAIL.teamManager);
  const result = await teamManager.request(BREAK_GLASS, { input: { childId: globalId('Child', children[n]!.id), reason: REASON } });
  expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
  const row = await app.db.notification.findFirstOrThrow({
    where: { channel: 'EMAIL', recipientUserId: igLeadId, status: 'PENDING' },
    orderBy: { createdAt: 'desc' },
    include: { event: true },
  });
  return { ...row, reference: row.event.reference };
}

const rows = (ids: string[]) => app.db.notification.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
const pendingEmails = () => app.db.notification.count({ where: { channel: 'EMAIL', status: { in: ['PENDING', 'SENDING'] } } });

describe('delivering break-glass alerts', () => {
  it('sends each EMAIL row once to the IG lead, marks it SENT, and a second run sends nothing', async () => {
    // Whatever the seed left in the outbox is delivered too; start from an empty one.
    await deliverDueEmails(app.db, transport, settings(app.now()));
    catcher.received.length = 0;
    expect(await pendingEmails()).toBe(0);

    const alerts = [await breakGlass(0), await breakGlass(1)];
    const inAppBefore = await app.db.notification.findMany({ where: { channel: 'IN_APP', event: { id: { in: alerts.map((a) => a.eventId) } } } });
    expect(inAppBefore).toHaveLength(2);

    const result = await deliverDueEmails(app.db, transport, settings(app.now()));
    expect(result).toEqual({ sent: 2, failed: 0, retried: 0, cancelled: 0 });
    expect(catcher.received).toHaveLength(2);
    for (const alert of alerts) {
      const mails = catcher.received.filter((m) => m.messageId === `<${alert.id}@wraparound>`);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.to).toEqual([EMAIL.igLead]);
      expect(mail.subject).toContain(alert.reference);
      expect(mail.subject).toMatch(/^Urgent: Emergency access used/);
      expect(mail.text).toContain(alert.reference);
      expect(mail.text).toContain('Someone used emergency access to a child’s record');
      expect(mail.text).toContain('Angela Firth');
      expect(mail.text).toContain(`${PUBLIC_URL}/`);
      expect(mail.html).toContain(alert.reference);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/"`);
      expect(mail.text).not.toContain(REASON);
    }
    for (const row of await rows(alerts.map((a) => a.id))) {
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, messageId: `<${row.id}@wraparound>`, lastError: null });
      expect(row.sentAt).not.toBeNull();
    }
    // IN_APP rows are delivered by being in the feed, never touched by the outbox.
    const inAppAfter = await app.db.notification.findMany({ where: { id: { in: inAppBefore.map((n) => n.id) } } });
    expect(inAppAfter.map((n) => [n.status, n.attempts])).toEqual(inAppBefore.map(() => ['SENT', 0]));

    expect(await deliverDueEmails(app.db, transport, settings(new Date(app.now().getTime() + 3_600_000)))).toEqual({ sent: 0, failed: 0, retried: 0, cancelled: 0 });
    expect(catcher.received).toHaveLength(2);
  });

  it('no mail carries a child’s name, NHS number or date of birth', async () => {
    expect(catcher.received.length).toBeGreaterThan(0);
    for (const mail of catcher.received) {
      const everything = [mail.raw, mail.subject, mail.text, mail.html].join('\n');
      for (const child of children) {
        expect(everything).not.toContain(`${child.givenName} ${child.familyName}`);
        if (child.nhsNumber) expect(everything).not.toContain(child.nhsNumber);
        if (child.upn) expect(everything).not.toContain(child.upn);
        expect(everything).not.toContain(child.dateOfBirth.toISOString().slice(0, 10));
      }
    }
  });
});

describe('when the mail server fails', () => {
  it('a refusing server leaves the rows PENDING with a later attempt; once it accepts, each is sent exactly once', async () => {
    catcher.received.length = 0;
    const alerts = [await breakGlass(2), await breakGlass(3), await breakGlass(4)];
    const ids = alerts.map((a) => a.id);
    const now = app.now();

    catcher.mode = { kind: 'refuse' };
    expect(await deliverDueEmails(app.db, transport, settings(now))).toEqual({ sent: 0, failed: 0, retried: 3, cancelled: 0 });
    for (const row of await rows(ids)) {
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null, messageId: null });
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
      expect(row.lastError).toMatch(/451/);
    }
    // Not yet due again: nothing is tried.
    catcher.mode = { kind: 'accept' };
    expect(await deliverDueEmails(app.db, transport, settings(new Date(now.getTime() + 30_000)))).toEqual({ sent: 0, failed: 0, retried: 0, cancelled: 0 });
    expect(catcher.received).toHaveLength(0);

    const later = new Date(now.getTime() + 61_000);
    expect(await deliverDueEmails(app.db, transport, settings(later))).toEqual({ sent: 3, failed: 0, retried: 0, cancelled: 0 });
    expect(await deliverDueEmails(app.db, transport, settings(new Date(later.getTime() + 3_600_000)))).toMatchObject({ sent: 0 });
    expect(catcher.received).toHaveLength(3);
    expect(new Set(catcher.received.map((m) => m.messageId))).toEqual(new Set(ids.map((id) => `<${id}@wraparound>`)));
    for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('an address that is always refused ends FAILED after maxAttempts; another recipient of the same event is sent', async () => {
    catcher.received.length = 0;
    const alert = await breakGlass(5);
    // A second recipient of the same event (as notify() would write it).
    const adminId = await userId(app, EMAIL.admin);
    const other = await app.db.notification.create({
      data: {
        partnershipId: alert.partnershipId, eventId: alert.eventId, recipientUserId: adminId, channel: 'EMAIL',
        idempotencyKey: `${alert.eventId}:${adminId}:EMAIL`, nextAttemptAt: alert.nextAttemptAt,
      },
    });
    catcher.mode = { kind: 'rejectAddress', address: EMAIL.igLead };
    let now = app.now();
    expect(await deliverDueEmails(app.db, transport, settings(now, 3))).toEqual({ sent: 1, failed: 0, retried: 1, cancelled: 0 });
    now = new Date(now.getTime() + 61_000);
    expect(await deliverDueEmails(app.db, transport, settings(now, 3))).toEqual({ sent: 0, failed: 0, retried: 1, cancelled: 0 });
    let [row] = await rows([alert.id]);
    // Exponential: 1 minute after the first attempt, 2 after the second.
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 120_000);
    now = new Date(now.getTime() + 121_000);
    expect(await deliverDueEmails(app.db, transport, settings(now, 3))).toEqual({ sent: 0, failed: 1, retried: 0, cancelled: 0 });
    [row] = await rows([alert.id]);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, sentAt: null });
    expect(row!.lastError).toMatch(/550/);
    expect(row!.lastError).not.toContain('@');
    expect(await deliverDueEmails(app.db, transport, settings(new Date(now.getTime() + 86_400_000), 3))).toMatchObject({ sent: 0, failed: 0, retried: 0 });

    expect(catcher.received.map((m) => [m.to, m.messageId])).toEqual([[[EMAIL.admin], `<${other.id}@wraparound>`]]);
    expect((await rows([other.id]))[0]).toMatchObject({ status: 'SENT', attempts: 1 });
    catcher.mode = { kind: 'accept' };
  });

  it('a row left SENDING by a worker that died is taken again after its 10-minute lease, with the same Message-ID', async () => {
    catcher.received.length = 0;
    const alert = await breakGlass(6);
    const now = app.now();
    // What a claim writes before the worker died.
    await app.db.notification.update({ where: { id: alert.id }, data: { status: 'SENDING', attempts: 1, nextAttemptAt: new Date(now.getTime() + 600_000) } });
    expect(await deliverDueEmails(app.db, transport, settings(new Date(now.getTime() + 300_000)))).toMatchObject({ sent: 0 });
    expect(await deliverDueEmails(app.db, transport, settings(new Date(now.getTime() + 601_000)))).toMatchObject({ sent: 1 });
    expect(catcher.received.map((m) => m.messageId)).toEqual([`<${alert.id}@wraparound>`]);
    expect((await rows([alert.id]))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('a recipient who is no longer active is CANCELLED, not sent', async () => {
    catcher.received.length = 0;
    const alert = await breakGlass(7);
    await app.db.user.update({ where: { id: igLeadId }, data: { active: false } });
    try {
      expect(await deliverDueEmails(app.db, transport, settings(app.now()))).toEqual({ sent: 0, failed: 0, retried: 0, cancelled: 1 });
    } finally {
      await app.db.user.update({ where: { id: igLeadId }, data: { active: true } });
    }
    expect((await rows([alert.id]))[0]).toMatchObject({ status: 'CANCELLED' });
    expect(catcher.received).toHaveLength(0);
  });

  it('a row whose worker died on its last attempt is FAILED when its lease passes, not sent again', async () => {
    catcher.received.length = 0;
    const alert = await breakGlass(10);
    // Claimed for the last of 3 attempts by a worker that never reported; its lease has passed.
    await app.db.notification.update({ where: { id: alert.id }, data: { status: 'SENDING', attempts: 3, nextAttemptAt: new Date(app.now().getTime() - 1000) } });
    expect(await deliverDueEmails(app.db, transport, settings(app.now(), 3))).toEqual({ sent: 0, failed: 1, retried: 0, cancelled: 0 });
    expect((await rows([alert.id]))[0]).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'no outcome from the last attempt' });
    expect(catcher.received).toHaveLength(0);
  });

  it('a row whose worker died before its last attempt is taken again when its lease passes, and sent once', async () => {
    catcher.received.length = 0;
    const alert = await breakGlass(11);
    await app.db.notification.update({ where: { id: alert.id }, data: { status: 'SENDING', attempts: 1, nextAttemptAt: new Date(app.now().getTime() - 1000) } });
    expect(await deliverDueEmails(app.db, transport, settings(app.now(), 3))).toEqual({ sent: 1, failed: 0, retried: 0, cancelled: 0 });
    expect((await rows([alert.id]))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(catcher.received.map((m) => m.messageId)).toEqual([`<${alert.id}@wraparound>`]);
    catcher.received.length = 0;
  });
});

describe('without SMTP_URL', () => {
  it('writes each message as an .eml file under <dataDir>/mail/', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wraparound-mail-'));
    const logged: string[] = [];
    const files = createMailTransport({ smtpUrl: null, dataDir, log: (line) => logged.push(line) });
    try {
      const alerts = [await breakGlass(8), await breakGlass(9)];
      expect(await deliverDueEmails(app.db, files, settings(app.now()))).toMatchObject({ sent: 2, retried: 0, failed: 0 });
      const written = readdirSync(path.join(dataDir, 'mail')).sort();
      expect(written).toEqual(alerts.map((a) => `${a.id}_wraparound.eml`).sort());
      for (const alert of alerts) {
        const mail = await simpleParser(readFileSync(path.join(dataDir, 'mail', `${alert.id}_wraparound.eml`)));
        expect(mail.messageId).toBe(`<${alert.id}@wraparound>`);
        expect(mail.subject).toContain(alert.reference);
        expect(mail.text).toContain(alert.reference);
      }
      expect(logged).toHaveLength(2);
      expect(catcher.received).toHaveLength(0);
    } finally {
      files.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
