// The email outbox: sends the EMAIL rows that notify() wrote (PENDING, one per recipient), so an
// alert written in the same transaction as its change is never lost to a mail server being down.
//
// One row at a time, claimed with FOR UPDATE SKIP LOCKED (as the deadline sweep does), so
// several workers never take the same row at once. The claim (one statement) marks the row
// SENDING, counts the attempt and commits BEFORE anything is sent; the send happens outside any transaction (an SMTP
// conversation must not hold a database lock); then the row becomes SENT, or PENDING again with a
// later nextAttemptAt (exponential backoff), or FAILED after the last attempt.
//
// A claimed row's nextAttemptAt is its lease: the moment it was claimed + 10 minutes (the clock is
// read for each email, not once a round). One send is bounded by the transport's timeouts (well
// under a minute, mailer.ts), so a lease does not run out while its email is in flight. If the
// worker dies between claim and outcome the row stays SENDING, and once the lease has passed any worker takes it again. That is
// at-least-once, not exactly-once: if the first worker died after the relay accepted the message
// but before SENT was written, the recipient gets it twice. The Message-ID is the notification's
// own id on every attempt, so the repeat is recognisable (and most mail systems drop it).
//
// IN_APP rows are not touched: they are read in the app. Rows for a recipient who is no longer
// active are CANCELLED. Rows HELD_FOR_DIGEST are the digest's (digest.ts).
import type { Database, Prisma } from '@wraparound/prisma';
import { renderEmail } from './email.ts';
import type { MailTransport, OutgoingEmail } from './mailer.ts';

export interface DeliverOptions {
  /** The clock, read for each email: when it is claimed (its lease runs from then) and when its
   * outcome is recorded. A Date is a clock stopped there (tests move it by hand). */
  now: Date | (() => Date);
  /** Attempts before a row is FAILED (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  publicUrl: string;
  from: string;
  /** Bounds one call. */
  limit?: number;
}

export interface DeliverResult {
  sent: number;
  /** Given up on: FAILED after the last attempt. */
  failed: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Recipient no longer active (or gone). */
  cancelled: number;
}

/** Reads a DeliverOptions clock. A round behind a slow relay takes as long as its emails do:
 * one reading for the whole round stamped sentAt up to a minute and a half early and shortened
 * the last emails' leases by as much. */
export function clockOf(now: DeliverOptions['now']): () => Date {
  return typeof now === 'function' ? now : () => now;
}

/** How long a claimed row may stay SENDING before another worker takes it again. */
export const SENDING_LEASE_MS = 10 * 60_000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** The wait after the attempt numbered `attempts` failed: 1 min, 2, 4, … capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

/**
 * A short reason for lastError, from the error's code and SMTP response code only: an SMTP reply
 * can quote the recipient's address, and that has no place in the database's error column.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'send failed';
  const { code, responseCode, command } = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [
    typeof code === 'string' ? code : null,
    typeof responseCode === 'number' ? `SMTP ${responseCode}` : null,
    typeof command === 'string' ? `at ${command.split(' ')[0]}` : null,
  ].filter(Boolean);
  return (parts.length > 0 ? parts.join(' ') : 'send failed').slice(0, 200);
}

/** The claimed row as the claim statement returns it, with what the email says. */
interface ClaimRow {
  id: string;
  status: 'SENDING' | 'CANCELLED' | 'FAILED';
  attempts: number;
  kind: string;
  urgent: boolean;
  reference: string;
  recipientEmail: string | null;
  recipientName: string | null;
  actorName: string | null;
  actorOrganisation: string | null;
}

export async function deliverDueEmails(db: Database, transport: MailTransport, options: DeliverOptions): Promise<DeliverResult> {
  const { maxAttempts, publicUrl, from, limit = 10_000 } = options;
  const clock = clockOf(options.now);
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0, cancelled: 0 };
  for (let round = 0; round < limit; round++) {
    const now = clock();
    const lease = new Date(now.getTime() + SENDING_LEASE_MS);
    // One statement claims the row and reads what the email needs: the next due PENDING row, or a
    // SENDING one whose lease has passed (a worker died), locked so no other worker takes it, and
    // marked SENDING with the attempt counted and a new lease, committed before anything is sent.
    // A recipient no longer active cancels it; a row taken back after its last attempt (it never
    // reported) fails it. (Each round trip costs; this was eight: the claim, the row, its event,
    // the recipient, the actor, the update and the transaction's two.)
    const [claim] = await db.$queryRaw<ClaimRow[]>`
      WITH due AS (
        SELECT n.id, n.attempts, n."eventId", n."partnershipId", n."recipientUserId"
        FROM notification n
        WHERE n.channel = 'EMAIL' AND n.status IN ('PENDING', 'SENDING') AND n."nextAttemptAt" <= ${now}
        ORDER BY n."nextAttemptAt", n.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED),
      claimed AS (
        SELECT due.id, due.attempts, COALESCE(r.active, false) AS active, r.email, r."displayName",
               e.kind, e.urgent, e.reference, a."displayName" AS "actorName", ao.name AS "actorOrganisation"
        FROM due
        JOIN notification_event e ON e.id = due."eventId" AND e."partnershipId" = due."partnershipId"
        LEFT JOIN "user" r ON r.id = due."recipientUserId"
        LEFT JOIN "user" a ON a.id = e."actorUserId"
        LEFT JOIN organisation ao ON ao.id = a."organisationId")
      UPDATE notification t SET
        status = CASE WHEN NOT c.active THEN 'CANCELLED' WHEN c.attempts >= ${maxAttempts} THEN 'FAILED' ELSE 'SENDING' END::"NotificationStatus",
        attempts = CASE WHEN c.active AND c.attempts < ${maxAttempts} THEN c.attempts + 1 ELSE t.attempts END,
        "nextAttemptAt" = CASE WHEN c.active AND c.attempts < ${maxAttempts} THEN ${lease} ELSE t."nextAttemptAt" END,
        "lastError" = CASE WHEN NOT c.active THEN 'recipient not active' WHEN c.attempts >= ${maxAttempts} THEN 'no outcome from the last attempt' ELSE t."lastError" END,
        "updatedAt" = ${new Date()}
      FROM claimed c
      WHERE t.id = c.id
      RETURNING t.id, t.status::text AS status, t.attempts, c.kind, c.urgent, c.reference,
                c.email AS "recipientEmail", c."displayName" AS "recipientName", c."actorName", c."actorOrganisation"`;
    if (!claim) break;
    if (claim.status === 'CANCELLED') {
      result.cancelled++;
      continue;
    }
    if (claim.status === 'FAILED') {
      result.failed++;
      continue;
    }
    const message = renderEmail(
      {
        id: claim.id,
        kind: claim.kind,
        urgent: claim.urgent,
        reference: claim.reference,
        actor: claim.actorName ? { displayName: claim.actorName, organisationName: claim.actorOrganisation } : null,
        recipient: { email: claim.recipientEmail!, displayName: claim.recipientName! },
      },
      { publicUrl, from },
    );
    // Only our own claim is updated: if the lease passed meanwhile and another worker took the
    // row, its attempt counter has moved on and this write changes nothing.
    const mine = { id: claim.id, status: 'SENDING' as const, attempts: claim.attempts };
    const { outcome, count } = await sendAndRecord(db, transport, message, mine, { attempts: claim.attempts, maxAttempts, clock, waiting: 'PENDING' });
    result[outcome] += count;
  }
  return result;
}

/**
 * Sends one message (outside any transaction), then records the outcome on the claimed rows that
 * are still ours (`mine`): SENT; or, after the last attempt, FAILED; or back to `waiting` with a
 * later nextAttemptAt.
 */
export async function sendAndRecord(
  db: Database,
  transport: MailTransport,
  message: OutgoingEmail,
  mine: Prisma.NotificationWhereInput,
  { attempts, maxAttempts, clock, waiting }: { attempts: number; maxAttempts: number; clock: () => Date; waiting: 'PENDING' | 'HELD_FOR_DIGEST' },
): Promise<{ outcome: 'sent' | 'failed' | 'retried'; count: number }> {
  let failure: unknown = null;
  try {
    await transport.send(message);
  } catch (error) {
    failure = error;
  }
  // When the relay answered, not when the round began.
  const now = clock();
  if (failure === null) {
    const { count } = await db.notification.updateMany({ where: mine, data: { status: 'SENT', sentAt: now, messageId: message.messageId, lastError: null } });
    return { outcome: 'sent', count };
  }
  if (attempts >= maxAttempts) {
    const { count } = await db.notification.updateMany({ where: mine, data: { status: 'FAILED', lastError: describeFailure(failure) } });
    return { outcome: 'failed', count };
  }
  const { count } = await db.notification.updateMany({
    where: mine,
    data: { status: waiting, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: describeFailure(failure) },
  });
  return { outcome: 'retried', count };
}
