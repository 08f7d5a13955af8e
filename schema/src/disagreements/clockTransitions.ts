// What the clock does to a disagreement stage (docs/domain.md, "On the clock"): reminders part-way,
// at expiry the stage is overdue and the next stage's people are told, after the grace period the
// disagreement moves up unless it was resolved or withdrawn; a final stage's expiry alerts the lead
// partners and the scrutineer. Each runs inside the sweep's transaction and checks the state it
// expects, so a deadline that fires twice, or after the disagreement moved on, changes nothing.
import type { DatabaseTx, Deadline } from '@wraparound/prisma';
import { recordSystemAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { eventOf } from './disagreementEvent.ts';
import { enterStage, leaveStage } from './stageClock.ts';

async function openStage(tx: DatabaseTx, stageRowId: string) {
  // Lock the disagreement first: every change to it (a person's or the clock's) then happens one
  // at a time, and always before the audit chain's lock.
  await tx.$queryRaw`SELECT 1 FROM disagreement WHERE id = (SELECT "disagreementId" FROM disagreement_stage WHERE id = ${stageRowId}::uuid) FOR UPDATE`;
  const stage = await tx.disagreementStage.findUnique({
    where: { id: stageRowId },
    include: { disagreement: { include: { ladder: { include: { stages: { orderBy: { position: 'asc' } } } } } }, ladderStage: true },
  });
  if (!stage || stage.exitedAt || stage.disagreement.status !== 'OPEN' || stage.disagreement.currentPosition !== stage.position) return null;
  return stage;
}

// Catching up after downtime, a warning whose moment has been overtaken is not sent: a "deadline
// approaching" once the deadline itself has passed, an "overdue" once the stage's grace has also
// run out (the same sweep moves the disagreement up and tells people that instead). The state still
// changes, in order, as if the server had never stopped.

export async function stageReminder(tx: DatabaseTx, deadline: Deadline, now: Date, sweptAt: Date = now) {
  const stage = await openStage(tx, deadline.subjectId);
  if (!stage) return;
  const percent = Number(deadline.key);
  await tx.disagreementStage.update({ where: { id: stage.id }, data: { remindersSent: { push: percent } } });
  const d = stage.disagreement;
  if (stage.dueAt <= sweptAt) return;
  await announce(tx, 'DISAGREEMENT_DEADLINE_APPROACHING', { disagreement: d, stage: stage.ladderStage }, eventOf(d, now));
}

export async function stageExpiry(tx: DatabaseTx, deadline: Deadline, now: Date, sweptAt: Date = now) {
  const stage = await openStage(tx, deadline.subjectId);
  if (!stage) return;
  const d = stage.disagreement;
  await tx.disagreementStage.update({ where: { id: stage.id }, data: { overdueAt: stage.dueAt } });
  await tx.disagreement.update({ where: { id: d.id }, data: { overdue: true } });
  const next = d.ladder.stages.find((s) => s.position === stage.position + 1);
  const overtaken = next !== undefined && stage.escalatesAt !== null && stage.escalatesAt <= sweptAt;
  if (!overtaken) {
    await announce(tx, 'DISAGREEMENT_OVERDUE', {
      disagreement: d, stage: stage.ladderStage, next: next && stage.ladderStage.notifyNextOnExpiry ? next : null,
    }, eventOf(d, now));
  }
  if (!next && stage.ladderStage.alertLeadPartnersOnExpiry) {
    await announce(tx, 'DISAGREEMENT_FINAL_STAGE_EXPIRED', {}, eventOf(d, now));
  }
  await recordSystemAudit(tx, d.partnershipId, now, {
    action: 'disagreement.overdue', subjectType: 'Disagreement', subjectId: d.id, childId: d.childId, detail: { stage: stage.position },
  });
}

export async function stageEscalation(tx: DatabaseTx, deadline: Deadline, now: Date) {
  const stage = await openStage(tx, deadline.subjectId);
  if (!stage) return;
  const d = stage.disagreement;
  const next = d.ladder.stages.find((s) => s.position === stage.position + 1);
  if (!next) return;
  // Guarded by version: a person escalating or resolving at the same moment wins or loses whole.
  const moved = await tx.disagreement.updateMany({
    where: { id: d.id, version: d.version, status: 'OPEN', currentPosition: stage.position },
    data: { currentPosition: next.position, overdue: false, version: { increment: 1 } },
  });
  if (moved.count !== 1) return;
  await leaveStage(tx, stage.id, now, 'ESCALATED_BY_CLOCK', null, 'The stage’s time and grace period ran out');
  const entered = await enterStage(tx, d, d.ladder, next, now);
  await tx.disagreement.update({ where: { id: d.id }, data: { currentDueAt: entered.dueAt } });
  await announce(tx, 'DISAGREEMENT_ESCALATED', { disagreement: d, stage: next, notifyPartnership: next.notifyPartnershipOnEntry }, eventOf(d, now));
  await recordSystemAudit(tx, d.partnershipId, now, {
    action: 'disagreement.escalate_by_clock', subjectType: 'Disagreement', subjectId: d.id, childId: d.childId,
    detail: { from: stage.position, to: next.position },
  });
}
