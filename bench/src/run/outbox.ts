// Email delivery: N pending emails in the outbox, two delivery workers (one per core) sending over
// pooled SMTP to a loopback server that accepts everything; emails per second, and the Message-IDs
// received (each notification's own, so a repeat would show as a duplicate).
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createDatabaseClient } from '@wraparound/prisma';
import { createMailTransport, deliverDueEmails } from '@wraparound/server';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';

export interface OutboxResult {
  emails: number; workers: number; seconds: number; perSecond: number;
  /** Every email the workers sent: only the benchmark's own are due at its moment, so each should be `emails`. */
  sent: number;
  /** The benchmark's own emails marked SENT: each should be `emails`. */
  benchSent: number;
  uniqueMessageIds: number;
  /** Transactions per email: one to claim it (and render it), one to record the outcome after SMTP. */
  transactionsPerEmail: number;
}

export async function benchmarkOutbox(pool: pg.Pool, url: string, partnershipId: string, count: number, workers = 2): Promise<OutboxResult> {
  const messageIds = new Set<string>();
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => { if (head.length < 4096) head += chunk.toString('utf8'); });
      stream.on('end', () => {
        received++;
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (id) messageIds.add(id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const now = new Date();
  // One event (a disagreement escalated) and N recipients' email rows, as notify() writes them.
  const event = (await pool.query<{ id: string }>(
    `WITH e AS (INSERT INTO notification_event (id, "partnershipId", kind, "subjectType", "subjectId", reference, urgent, "createdAt")
                VALUES (gen_random_uuid(), $1, 'DISAGREEMENT_ESCALATED', 'Disagreement', gen_random_uuid(), 'DIS-BENCH1', false, $2) RETURNING id)
     , n AS (INSERT INTO notification (id, "partnershipId", "eventId", "recipientUserId", channel, status, "idempotencyKey", "nextAttemptAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, e.id, u.ids[1 + i % array_length(u.ids, 1)], 'EMAIL', 'PENDING', 'bench:' || e.id || ':' || i, $2, $2, $2
     FROM e, (SELECT array_agg(id ORDER BY id) AS ids FROM "user" WHERE "partnershipId" = $1) u, generate_series(1, $3) i)
     SELECT id FROM e`,
    [partnershipId, now, count])).rows[0]!;
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: os.tmpdir() });
  const clients = Array.from({ length: workers }, () => createDatabaseClient(url, { poolMax: 2 }));
  const started = performance.now();
  const results = await Promise.all(clients.map((db) => deliverDueEmails(db, transport, { now, maxAttempts: 8, publicUrl: 'http://localhost', from: 'Wraparound <bench@wraparound.invalid>' })));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((db) => db.$disconnect()));
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  const sent = results.reduce((s, r) => s + r.sent, 0);
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM notification WHERE "eventId" = $1 AND status = 'SENT'`, [event.id]);
  return {
    emails: count, workers, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(sent / seconds), sent, benchSent: rows[0].n,
    uniqueMessageIds: messageIds.size, transactionsPerEmail: 2,
  };
}
