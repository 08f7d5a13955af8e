// A database outage under a running server: its PostgreSQL (a cluster of this file's own) is
// stopped for several seconds and started again. While it is down every request is answered 503
// with Retry-After, not the masked 500 of a bug. Afterwards, without restarting anything, a live
// stream opened before the outage receives the next notification, and the email outbox is woken
// by its LISTEN again (its timer here is ten minutes, so only the wake can send in time); what was
// committed before the LISTEN connection was back is caught up, not lost. The probes say live but
// not ready while it lasts.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createDatabaseClient } from '@wraparound/prisma';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import { seedDemo } from '@wraparound/prisma/seed';
import { hashPassword } from '@wraparound/schema';
import { createLiveNotifications, createMailTransport, startEmailDelivery, startEmbeddedPostgres, type LiveNotificationHub, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { LOGIN, signIn } from '../support/personas.ts';
import { freePort } from '../support/ports.ts';
import { subscribe } from '../support/sse.ts';
import { globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

const LIVE = /* GraphQL */ `subscription { notificationReceived { id kind reference } }`;
const UNREAD = /* GraphQL */ `query { notificationUnreadCount }`;

let dir: string;
let port: number;
let cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;
let outboxHub: LiveNotificationHub;
let stopDelivery: () => Promise<void>;
const logged: string[] = [];

const startCluster = () => startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wraparound-outage-'));
  chmodSync(dir, 0o755);
  port = await freePort();
  cluster = await startCluster();
  await cluster.createDatabaseIfMissing('wraparound');
  const url = cluster.url('wraparound');
  await migrateDeploy(url, { quiet: true });
  const seeding = createDatabaseClient(url, { poolMax: 2 });
  await seedDemo(seeding, { hashPassword, passwordFor: () => TEST_PASSWORD, children: 6 });
  // The demo asks for an authenticator code; this test is about the database, not sign-in.
  await seeding.partnership.updateMany({ data: { secondFactorRequired: false } });
  await seeding.$disconnect();

  app = await startTestApp({ databaseUrl: url });
  catcher = await startMailCatcher();
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: tmpdir() });
  const settings = { intervalMs: 10 * 60_000, maxAttempts: 3, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' };
  const delivery = startEmailDelivery(app.db, transport, settings, (line) => logged.push(line));
  outboxHub = createLiveNotifications(url, (line) => logged.push(line));
  await outboxHub.onEmailQueued(delivery.wake);
  stopDelivery = delivery;
}, 240_000);

afterAll(async () => {
  await stopDelivery?.();
  await outboxHub?.close();
  transport?.close();
  await catcher?.close();
  await app?.close();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const breakGlass = (teamManager: GraphQLClient, childId: string) =>
  teamManager.request(BREAK_GLASS, { input: { childId, reason: 'Child missing overnight; police need the history now' } });

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) if (await check()) return true;
  return false;
}

describe('a database outage', () => {
  it('is answered 503 with Retry-After while it lasts; afterwards live streams and the outbox resume on their own', async () => {
    const teamManager = await signIn(app, EMAIL.teamManager);
    const igLead = await signIn(app, EMAIL.igLead);
    const child = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' } }, orderBy: { id: 'asc' } });
    const childId = globalId('Child', child.id);
    const stream = await subscribe<{ notificationReceived: { kind: string } }>(igLead, LIVE);
    onTestFinished(() => stream.close());

    await cluster.stop();
    try {
      for (const request of [
        () => breakGlass(teamManager, childId),
        () => igLead.request(UNREAD),
        () => app.anonymous.request(LOGIN, { input: { email: EMAIL.igLead, password: TEST_PASSWORD, sessionMode: 'BEARER_TOKEN' } }),
      ]) {
        const answer = await request();
        expect(answer.status, answer.raw).toBe(503);
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(answer.errors?.[0]?.message).toMatch(/cannot reach its database/);
        expect(answer.raw).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
      }
      // The probes: alive (a restart would not help), not ready (send no traffic).
      expect((await fetch(`${app.url}/livez`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await ready.text()).toMatch(/database unreachable/);
      // Longer than the one retry the LISTEN connection used to make.
      await sleep(3_000);
      expect(stream.received).toHaveLength(0);
    } finally {
      cluster = await startCluster();
    }

    // The pools reconnect on the next request; nothing is restarted.
    expect(await until(async () => (await igLead.request(UNREAD)).status === 200, 20_000)).toBe(true);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const result = await breakGlass(teamManager, childId);
    expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
    const [received] = await stream.waitFor(1, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}\nserver: ${app.serverErrors.join("\n")}\noutbox: ${logged.join("\n")}`);
    });
    expect(received!.notificationReceived.kind).toBe('BREAK_GLASS');
    expect(await until(() => catcher.received.some((m) => m.to.includes(EMAIL.igLead)), 20_000), logged.join('\n')).toBe(true);
  });
});
