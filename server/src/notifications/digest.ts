// The daily digest: for someone who chose it, the emails that were not urgent wait as
// HELD_FOR_DIGEST until their digest time (notify() sets it), and then go as one message.
//
// The same protocol as the single-email outbox (deliver.ts), for a person's whole batch at once:
// claim the batch in one transaction (row locks, SKIP LOCKED; attempts counted; nextAttemptAt moved
// a lease ahead, so a worker that dies leaves the rows to be taken again after the lease), send
// outside any transaction, then mark the batch SENT, or back off, or FAILED after the last attempt.
// The rows stay HELD_FOR_DIGEST while claimed, so the single-email worker never sends them one by one.
import type { Database } from '@wraparound/prisma';
import { clockOf, sendAndRecord, SENDING_LEASE_MS, type DeliverOptions, type DeliverResult } from './deliver.ts';
import { renderDigest } from './email.ts';
import type { MailTransport } from './mailer.ts';

type Claim =
  | { kind: 'none' }
  | { kind: 'done'; outcome: 'cancelled' | 'failed'; count: number }
  | { kind: 'send'; ids: string[]; attempts: number; message: ReturnType<typeof renderDigest> };

export async function deliverDueDigests(db: Database, transport: MailTransport, options: DeliverOptions): Promise<DeliverResult> {
  const { maxAttempts, publicUrl, from, limit = 10_000 } = options;
  const clock = clockOf(options.now);
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0, cancelled: 0 };
  for (let round = 0; round < limit; round++) {
    // Each batch's lease runs from its own claim.
    const now = clock();
    const claim = await db.$transaction(async (tx): Promise<Claim> => {
      const [first] = await tx.$queryRaw<{ recipientUserId: string }[]>`
        SELECT "recipientUserId" FROM notification
        WHERE channel = 'EMAIL' AND status = 'HELD_FOR_DIGEST' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      if (!first) return { kind: 'none' };
      const due = await tx.$queryRaw<{ id: string; attempts: number }[]>`
        SELECT id, attempts FROM notification
        WHERE channel = 'EMAIL' AND status = 'HELD_FOR_DIGEST' AND "nextAttemptAt" <= ${now} AND "recipientUserId" = ${first.recipientUserId}::uuid
        ORDER BY "createdAt", id
        FOR UPDATE SKIP LOCKED`;
      const ids = due.map((r) => r.id);
      const recipient = await tx.user.findUnique({ where: { id: first.recipientUserId }, select: { email: true, displayName: true, active: true } });
      if (!recipient?.active) {
        await tx.notification.updateMany({ where: { id: { in: ids } }, data: { status: 'CANCELLED', lastError: 'recipient not active' } });
        return { kind: 'done', outcome: 'cancelled', count: ids.length };
      }
      const attempts = Math.max(...due.map((r) => r.attempts)) + 1;
      if (attempts > maxAttempts) {
        await tx.notification.updateMany({ where: { id: { in: ids } }, data: { status: 'FAILED', lastError: 'no outcome from the last attempt' } });
        return { kind: 'done', outcome: 'failed', count: ids.length };
      }
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { attempts, nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) } });
      const rows = await tx.notification.findMany({ where: { id: { in: ids } }, include: { event: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      const actorIds = [...new Set(rows.map((r) => r.event.actorUserId).filter((id): id is string => id !== null))];
      const actors = new Map(
        (await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, organisation: { select: { name: true } } } }))
          .map((a) => [a.id, { displayName: a.displayName, organisationName: a.organisation.name }]),
      );
      const message = renderDigest(
        { email: recipient.email, displayName: recipient.displayName },
        rows.map((r) => ({ id: r.id, kind: r.event.kind, reference: r.event.reference, actor: r.event.actorUserId ? (actors.get(r.event.actorUserId) ?? null) : null })),
        { publicUrl, from },
      );
      return { kind: 'send', ids, attempts, message };
    });
    if (claim.kind === 'none') break;
    if (claim.kind === 'done') {
      result[claim.outcome] += claim.count;
      continue;
    }

    // Only rows still ours: a batch retaken after a lease has a higher attempt count.
    const mine = { id: { in: claim.ids }, status: 'HELD_FOR_DIGEST' as const, attempts: claim.attempts };
    const { outcome, count } = await sendAndRecord(db, transport, claim.message, mine, { attempts: claim.attempts, maxAttempts, clock, waiting: 'HELD_FOR_DIGEST' });
    result[outcome] += count;
  }
  return result;
}
