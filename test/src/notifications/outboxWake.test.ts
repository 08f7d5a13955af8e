// An email goes as soon as it is queued, not at the delivery worker's next timed round: the
// notification table's trigger NOTIFYs on commit and the worker, listening, wakes. The worker here
// runs on a ten-minute timer, so only the wake can deliver within the test's wait.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveNotifications, createMailTransport, startEmailDelivery, type LiveNotificationHub, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { as, globalId } from '../access/fixtures.ts';
import { BREAK_GLASS, EMAIL } from '../restrictions/support.ts';

let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;
let hub: LiveNotificationHub;
let stop: () => void;

beforeAll(async () => {
  app = await startTestApp();
  catcher = await startMailCatcher();
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
  const settings = { intervalMs: 10 * 60_000, maxAttempts: 3, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' };
  const delivery = startEmailDelivery(app.db, transport, settings, () => {}, () => app.now());
  hub = createLiveNotifications(app.databaseUrl, () => {});
  await hub.onEmailQueued(delivery.wake);
  stop = delivery;
});
afterAll(async () => {
  stop?.();
  await hub?.close();
  transport?.close();
  await catcher?.close();
  await app?.close();
});

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('prompt email', () => {
  it('a break-glass alert committed through the API reaches the IG lead without waiting for the timer', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' } } });
    const result = await (await as(app, EMAIL.teamManager)).request(BREAK_GLASS, {
      input: { childId: globalId('Child', child.id), reason: 'Child missing overnight; police need the history now' },
    });
    expect(result.data.breakGlass.__typename, result.raw).toBe('BreakGlassSuccess');
    expect(await until(() => catcher.received.some((m) => m.to.includes(EMAIL.igLead)), 15_000)).toBe(true);
    expect(catcher.received.filter((m) => m.to.includes(EMAIL.igLead))).toHaveLength(1);
  });
});
