// The email outbox under faults, with a real SMTP server on loopback: the relay going away in the
// middle of a batch, and the delivery worker (a real process) killed in the middle of a batch and
// started again. Nothing is lost and nothing is sent twice: every email arrives once, with its
// own Message-ID, and every row ends SENT.
//
// What the design cannot promise (and says so in server/src/notifications/deliver.ts): a worker
// killed after the relay answered 250 but before it wrote SENT sends that one email again, with
// the same Message-ID, once its lease has passed. These tests kill it before the relay answers.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { createMailTransport, deliverDueEmails, SENDING_LEASE_MS } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startMailCatcher, type ReceivedMail } from '../support/mailCatcher.ts';
import { as, globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

const WORKER = fileURLToPath(new URL('../support/deliverOnce.ts', import.meta.url));
const SETTINGS = { maxAttempts: 5, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' };

let app: TestApp;
let children: Child[];

beforeAll(async () => {
  app = await startTestApp();
  children = await app.db.child.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { id: 'asc' }, take: 12 });
});
afterAll(() => app?.close());

let batch = 0;
/** Six break-glass alerts: six emails waiting in the outbox. Returns their expected Message-IDs. */
async function sixAlerts(): Promise<string[]> {
  const teamManager = await as(app, EMAIL.teamManager);
  for (let i = 0; i < 6; i++) {
    const result = await teamManager.request(BREAK_GLASS, {
      input: { childId: globalId('Child', children[(batch * 6 + i) % children.length]!.id), reason: 'Child missing overnight; police need the history now' },
    });
    expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
  }
  batch++;
  const rows = await app.db.notification.findMany({ where: { channel: 'EMAIL', status: 'PENDING' }, orderBy: { id: 'asc' } });
  expect(rows).toHaveLength(6);
  return rows.map((r) => `<${r.id}@wraparound>`);
}

/** Every Message-ID received, and how many times. */
const counts = (mails: ReceivedMail[]) => mails.reduce((m, mail) => m.set(mail.messageId, (m.get(mail.messageId) ?? 0) + 1), new Map<string, number>());

beforeEach(async () => {
  // Each test starts with an empty outbox.
  await app.db.notification.updateMany({ where: { channel: 'EMAIL', status: { in: ['PENDING', 'SENDING'] } }, data: { status: 'CANCELLED' } });
});

describe('the email outbox under faults', () => {
  it('the relay goes away mid-batch and comes back: each email arrives once', async () => {
    const expected = await sixAlerts();
    const first = await startMailCatcher();
    const port = first.port;
    const transport = createMailTransport({ smtpUrl: first.url, dataDir: os.tmpdir() });
    // After two messages the relay crashes while reading the third: connections dropped, port closed.
    first.mode = { kind: 'hold', after: 2, onHeld: () => {
      first.dropConnections();
      void first.close();
    } };
    const during = await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() });
    expect(during).toMatchObject({ sent: 2, retried: 4, failed: 0 });
    expect(first.received).toHaveLength(2);
    const waiting = await app.db.notification.findMany({ where: { channel: 'EMAIL', status: 'PENDING' } });
    expect(waiting).toHaveLength(4);
    expect(waiting.every((n) => n.attempts === 1 && n.lastError !== null && n.nextAttemptAt > app.now())).toBe(true);

    // The relay is back on the same address; once the backoff has passed, the rest go, once each.
    const second = await startMailCatcher(port);
    try {
      expect((await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(0);
      app.advanceClock(2 * 60_000);
      expect((await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(4);
      const all = counts([...first.received, ...second.received]);
      expect([...all.keys()].sort()).toEqual([...expected].sort());
      expect([...all.values()].every((n) => n === 1)).toBe(true);
      expect(await app.db.notification.count({ where: { channel: 'EMAIL', status: 'SENT', messageId: { in: expected } } })).toBe(6);
    } finally {
      transport.close();
      await second.close();
    }
  });

  it('the worker process is killed mid-batch and started again: nothing lost, nothing sent twice', async () => {
    const expected = await sixAlerts();
    const catcher = await startMailCatcher();
    const worker = spawn(process.execPath, ['--import', 'tsx', WORKER, app.databaseUrl, catcher.url, app.now().toISOString()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output: string[] = [];
    createInterface({ input: worker.stdout! }).on('line', (line) => output.push(line));
    // Two messages accepted; the worker is killed while the relay is reading the third.
    catcher.mode = { kind: 'hold', after: 2, onHeld: () => worker.kill('SIGKILL') };
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => worker.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(output).not.toContain('sent 6');
    expect(catcher.received).toHaveLength(2);
    // Two SENT, the third claimed (SENDING, its lease running), three still PENDING.
    const rowIds = expected.map((m) => m.slice(1, m.indexOf('@')));
    const statuses = await app.db.notification.groupBy({ by: ['status'], where: { id: { in: rowIds } }, _count: true });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ SENT: 2, SENDING: 1, PENDING: 3 });

    // A worker started again sends the three waiting at once, and the claimed one after its lease.
    catcher.mode = { kind: 'accept' };
    const transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
    try {
      expect((await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(3);
      app.advanceClock(SENDING_LEASE_MS + 1000);
      expect((await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(1);
      expect((await deliverDueEmails(app.db, transport, { ...SETTINGS, now: app.now() })).sent).toBe(0);
      const all = counts(catcher.received);
      expect([...all.keys()].sort()).toEqual([...expected].sort());
      expect([...all.values()].every((n) => n === 1)).toBe(true);
      // The one taken back after its lease is the one that was being sent when the worker died.
      const rows = await app.db.notification.findMany({ where: { id: { in: rowIds } } });
      expect(rows.every((r) => r.status === 'SENT')).toBe(true);
      expect(rows.filter((r) => r.attempts === 2)).toHaveLength(1);
    } finally {
      transport.close();
      await catcher.close();
    }
  });
});
