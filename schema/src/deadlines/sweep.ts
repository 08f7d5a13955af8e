// The sweep: every deadline in the product is a row, and this finds the ones that have come due
// and acts on them, oldest first, so after downtime missed deadlines are caught up in order. A
// transition takes effect at the deadline's own time, not the sweep's: a disagreement that should
// have moved up on Tuesday enters its next stage on Tuesday, and that stage's own deadlines, if
// also past, are caught up in the next round.
//
// Exactly once: each batch is claimed with FOR UPDATE SKIP LOCKED, so two sweepers never hold the
// same row, and a row is marked DONE in the same transaction as what it caused. A sweeper that dies
// mid-batch rolls back; its rows are still PENDING and the next sweep takes them.
import type { Database, DatabaseTx, Deadline } from '@wraparound/prisma';
import { stageEscalation, stageExpiry, stageReminder } from '../disagreements/clockTransitions.ts';
import { requestDueSoon, requestOverdue } from '../requests/requestClock.ts';
import { encompassDue, encompassSeniorAlert, referralDecisionDue, referralSeniorAlert } from './missedClocks.ts';

/** `at` is the deadline's own time (the moment it takes effect); `sweptAt` is the sweep's, later
 * after downtime, so a handler can tell a warning overtaken by what has happened since. */
type Handler = (tx: DatabaseTx, deadline: Deadline, at: Date, sweptAt: Date) => Promise<void>;

const HANDLERS: Partial<Record<Deadline['kind'], Handler>> = {
  STAGE_REMINDER: stageReminder,
  STAGE_EXPIRY: stageExpiry,
  STAGE_ESCALATION: stageEscalation,
  INFORMATION_REQUEST_DUE_SOON: requestDueSoon,
  INFORMATION_REQUEST_DUE: requestOverdue,
  REFERRAL_DECISION_DUE: referralDecisionDue,
  REFERRAL_DECISION_SENIOR_ALERT: referralSeniorAlert,
  ENCOMPASS_DUE: encompassDue,
  ENCOMPASS_SENIOR_ALERT: encompassSeniorAlert,
  // Share and break-glass expiry are only marked done: access already ends by time in the read rules.
};

export interface SweepResult {
  handled: number;
}

/**
 * Handles every deadline due at `now`, oldest first, one deadline per transaction: a transaction
 * touches one disagreement and then the audit chain, always in that order, so concurrent sweepers
 * cannot deadlock each other. `limit` bounds one call.
 */
export async function sweepDeadlines(db: Database, now: Date, limit = 100_000): Promise<SweepResult> {
  let handled = 0;
  while (handled < limit) {
    const done = await db.$transaction(
      async (tx) => {
        const [deadline] = await tx.$queryRaw<Deadline[]>`
          SELECT * FROM deadline
          WHERE state = 'PENDING' AND "dueAt" <= ${now}
          ORDER BY "dueAt", id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        if (!deadline) return false;
        await HANDLERS[deadline.kind]?.(tx, deadline, deadline.dueAt, now);
        await tx.deadline.update({ where: { id: deadline.id }, data: { state: 'DONE', handledAt: now } });
        return true;
      },
      { timeout: 60_000 },
    );
    if (!done) break;
    handled++;
  }
  return { handled };
}
