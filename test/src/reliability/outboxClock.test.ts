// The email outbox reads the clock for each email, not once a round. Behind a slow relay a round
// takes seconds; each email's lease must run from when that email was claimed (a lease counted
// from the round's start is shorter than stated, and once a round outlasts it a second worker
// could send an email still in flight), and its sentAt must be when the relay accepted it.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport, messageIdOf, SENDING_LEASE_MS, startEmailDelivery, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { as, globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

const RELAY_MS = 600;

let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;

beforeAll(async () => {
  app = await startTestApp();
  catcher = await startMailCatcher();
  catcher.mode = { kind: 'slow', ms: RELAY_MS };
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
});
afterAll(async () => {
  transport?.close();
  await catcher?.close();
  await app?.close();
});

describe('the outbox clock', () => {
  it('claims, leases and stamps each email when it handles it', async () => {
    const teamManager = await as(app, EMAIL.teamManager);
    const children = await app.db.child.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { id: 'asc' }, take: 3 });
    for (const child of children) {
      const result = await teamManager.request(BREAK_GLASS, { input: { childId: globalId('Child', child.id), reason: 'Child missing overnight; police need the history now' } });
      expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
    }
    const queued = await app.db.notification.findMany({ where: { channel: 'EMAIL', status: 'PENDING' } });
    expect(queued.length).toBeGreaterThanOrEqual(3);

    // One round, on the real clock (the timer is far off: only the first round runs).
    const settings = { intervalMs: 10 * 60_000, maxAttempts: 3, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' };
    const stop = startEmailDelivery(app.db, transport, settings, () => {});
    try {
      await expect.poll(() => catcher.received.length, { timeout: 30_000 }).toBe(queued.length);
    } finally {
      await stop();
    }

    const rows = await app.db.notification.findMany({ where: { id: { in: queued.map((n) => n.id) } } });
    const accepted = new Map(catcher.received.map((m) => [m.messageId, m.acceptedAt.getTime()]));
    const handled = rows
      .map((row) => ({ claimedAt: row.nextAttemptAt.getTime() - SENDING_LEASE_MS, sentAt: row.sentAt!.getTime(), acceptedAt: accepted.get(messageIdOf(row.id))! }))
      .sort((a, b) => a.acceptedAt - b.acceptedAt);
    for (const [i, email] of handled.entries()) {
      // Stamped once the relay had accepted it (within the database's millisecond precision).
      expect(email.sentAt).toBeGreaterThanOrEqual(email.acceptedAt - 1);
      expect(email.sentAt - email.acceptedAt).toBeLessThan(5_000);
      // Leased from its own claim: after the email before it was accepted, before its own send.
      if (i > 0) expect(email.claimedAt).toBeGreaterThanOrEqual(handled[i - 1]!.acceptedAt - 1);
      expect(email.acceptedAt - email.claimedAt).toBeGreaterThanOrEqual(RELAY_MS - 50);
    }
  });
});
