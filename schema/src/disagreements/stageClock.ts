// A stage's clock is a set of rows, not only timers: the stage's due time, the reminder points
// (by default 50% and 80% of its time), the expiry, and — where the ladder says so — the moment it
// moves up after a grace period. A sweep finds whatever is due (see the deadline work to come), so
// nothing depends on a timer surviving a restart.
import type { DatabaseTx, EscalationLadder, LadderStage } from '@wraparound/prisma';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { addCalendarHours, addWorkingDays, deadlineFor, pointInLimit } from '../calendar/workingTime.ts';
import { cancelDeadlineJobs, scheduleDeadlineJobs } from '../deadlines/jobs.ts';

export async function enterStage(
  tx: DatabaseTx,
  d: { id: string; partnershipId: string; urgency: 'STANDARD' | 'URGENT' },
  ladder: Pick<EscalationLadder, 'urgentLimitHours'>,
  stage: LadderStage,
  at: Date,
) {
  const calendar = await calendarOf(tx, d.partnershipId);
  const urgent = d.urgency === 'URGENT';
  const clock = urgent ? 'CALENDAR_HOURS' : stage.limitClock;
  const dueAt = urgent ? addCalendarHours(at, ladder.urgentLimitHours) : deadlineFor(calendar, at, stage.limitAmount, stage.limitClock);
  const escalatesAt =
    stage.escalateAfterGraceWorkingDays == null
      ? null
      : stage.escalateAfterGraceWorkingDays === 0 || urgent
        ? dueAt
        : addWorkingDays(calendar, dueAt, stage.escalateAfterGraceWorkingDays);

  const row = await tx.disagreementStage.create({
    data: {
      partnershipId: d.partnershipId, disagreementId: d.id, ladderStageId: stage.id, position: stage.position,
      enteredAt: at, dueAt, escalatesAt, remindersSent: [],
    },
  });
  const deadlines = await tx.deadline.createManyAndReturn({
    select: { id: true, dueAt: true },
    data: [
      ...stage.reminderPercents.map((p) => ({
        partnershipId: d.partnershipId, kind: 'STAGE_REMINDER' as const, subjectId: row.id, key: String(p),
        dueAt: pointInLimit(calendar, at, dueAt, p / 100, clock),
      })),
      { partnershipId: d.partnershipId, kind: 'STAGE_EXPIRY' as const, subjectId: row.id, dueAt },
      ...(escalatesAt ? [{ partnershipId: d.partnershipId, kind: 'STAGE_ESCALATION' as const, subjectId: row.id, dueAt: escalatesAt }] : []),
    ],
  });
  await scheduleDeadlineJobs(tx, deadlines);
  return row;
}

/** A stage that has been left: its pending reminders and expiry no longer apply. */
export async function leaveStage(
  tx: DatabaseTx,
  stageRowId: string,
  at: Date,
  exit: 'RESOLVED' | 'WITHDRAWN' | 'ESCALATED_BY_HAND' | 'ESCALATED_BY_CLOCK',
  by: string | null,
  reason: string | null,
) {
  const left = await tx.disagreementStage.updateMany({
    where: { id: stageRowId, exitedAt: null },
    data: { exitedAt: at, exit, exitedById: by, exitReason: reason },
  });
  // Rows another sweeper holds right now are skipped: that sweeper finds the stage left and does nothing.
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE deadline SET state = 'CANCELLED', "handledAt" = ${at}, "updatedAt" = now()
    WHERE id IN (SELECT id FROM deadline WHERE "subjectId" = ${stageRowId}::uuid AND state = 'PENDING' FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  await cancelDeadlineJobs(tx, cancelled.map((c) => c.id));
  return left.count === 1;
}
