// From commit to inbox: events announced one at a time through the product's own announce() (the
// notification rules, in a transaction, as every mutation does), the email delivery worker running
// as the server runs it (a long timer, woken by the outbox's NOTIFY), and a loopback SMTP server
// noting when each message arrives. Reports the time from each event's commit to its email.
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createDatabaseClient } from '@wraparound/prisma';
import { announce } from '@wraparound/schema';
import { createLiveNotifications, createMailTransport, startEmailDelivery } from '@wraparound/server';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';

export interface LatencyResult { events: number; received: number; ms: { p50: number; p95: number; max: number } }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function benchmarkNotificationLatency(pool: pg.Pool, url: string, partnershipId: string, events = 200, gapMs = 50): Promise<LatencyResult> {
  const arrivals = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => { if (head.length < 4096) head += chunk.toString('utf8'); });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (id) arrivals.set(id, performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, dataDir: os.tmpdir() });
  const db = createDatabaseClient(url, { poolMax: 4 });
  const hub = createLiveNotifications(url, () => {});
  const delivery = startEmailDelivery(db, transport, { intervalMs: 10 * 60_000, maxAttempts: 3, publicUrl: 'http://localhost', from: 'Wraparound <bench@wraparound.invalid>' }, () => {});
  await hub.onEmailQueued(delivery.wake);
  try {
    const { rows: users } = await pool.query<{ id: string }>('SELECT id FROM "user" WHERE "partnershipId" = $1 AND active ORDER BY id LIMIT 50', [partnershipId]);
    const committed = new Map<string, number>();
    for (let i = 0; i < events; i++) {
      // ACCOUNT_LOCKED: one recipient, urgent (never held for a digest).
      const event = await db.$transaction((tx) =>
        announce(tx, 'ACCOUNT_LOCKED', { userId: users[i % users.length]!.id }, {
          partnershipId, subjectType: 'User', subjectId: users[i % users.length]!.id, reference: `SEC-B${i}`, actorUserId: null, at: new Date(),
        }));
      const at = performance.now();
      const { rows } = await pool.query<{ id: string }>(`SELECT id FROM notification WHERE "eventId" = $1 AND channel = 'EMAIL'`, [event.eventId]);
      for (const row of rows) committed.set(`<${row.id}@wraparound>`, at);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    const deadline = Date.now() + 60_000;
    while ([...committed.keys()].some((id) => !arrivals.has(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const latencies = [...committed].filter(([id]) => arrivals.has(id)).map(([id, at]) => arrivals.get(id)! - at).sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return { events, received: latencies.length, ms: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies.at(-1) ?? NaN) } };
  } finally {
    delivery();
    await hub.close();
    await db.$disconnect();
    transport.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}
