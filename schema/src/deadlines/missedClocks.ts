// A missed clock reaches a person. Serious case reviews keep finding deadlines that passed with
// nobody looking; here each passes in two steps, both partnership configuration (Partnership's
// referral… and encompass… columns, changed through missedClockAlertsUpdate):
//
// - A referral still undecided at its decision time: the front door's managers are told at once;
//   if it is still undecided some office hours later, its senior roles are told.
// - An Operation Encompass notification nobody at the school has acknowledged by the start of the
//   school day: the school's safeguarding leads and head are told at once; some office hours later
//   the sending force's Operation Encompass lead (its detective inspector by default), who can
//   telephone the school's head (docs/domain.md, "Operation Encompass").
//
// Run by the deadline sweep inside its transaction, at the deadline's own time. Each step checks
// again that the record is still waiting, so a decision or acknowledgement in between silences it.
import type { DatabaseTx, Deadline } from '@wraparound/prisma';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { addWorkingHours } from '../calendar/workingTime.ts';
import { announce } from '../notifications/rules.ts';
import { scheduleDeadlineJobs } from './jobs.ts';

async function undecidedReferral(tx: DatabaseTx, referralId: string) {
  const referral = await tx.referral.findUnique({ where: { id: referralId }, include: { concern: { select: { entryId: true, reference: true } } } });
  return referral && !referral.decidedAt ? referral : null;
}

async function unacknowledgedEncompass(tx: DatabaseTx, notificationId: string) {
  const notification = await tx.encompassNotification.findUnique({ where: { id: notificationId } });
  return notification && !notification.acknowledgedAt ? notification : null;
}

type Referral = NonNullable<Awaited<ReturnType<typeof undecidedReferral>>>;
type Encompass = NonNullable<Awaited<ReturnType<typeof unacknowledgedEncompass>>>;

// A referral's notifications open its concern's entry, whose page shows the referral.
const referralEvent = (r: Referral, at: Date) => ({
  partnershipId: r.partnershipId, subjectType: 'ChronologyEntry', subjectId: r.concern.entryId, reference: r.concern.reference, actorUserId: null, at,
});
const encompassEvent = (n: Encompass, at: Date) => ({
  partnershipId: n.partnershipId, subjectType: 'EncompassNotification', subjectId: n.id, reference: n.reference, actorUserId: null, at,
});

const settingsOf = (tx: DatabaseTx, partnershipId: string) => tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });

/** The next step of a missed clock, `hours` of office time after this one, as a deadline row (and its job). */
async function followUp(tx: DatabaseTx, kind: Deadline['kind'], partnershipId: string, subjectId: string, from: Date, hours: number) {
  const dueAt = addWorkingHours(await calendarOf(tx, partnershipId), from, hours);
  const created = await tx.deadline.createManyAndReturn({
    data: [{ partnershipId, kind, subjectId, dueAt }],
    select: { id: true, dueAt: true },
    skipDuplicates: true,
  });
  await scheduleDeadlineJobs(tx, created);
}

export async function referralDecisionDue(tx: DatabaseTx, deadline: Deadline, at: Date) {
  const referral = await undecidedReferral(tx, deadline.subjectId);
  if (!referral) return;
  const settings = await settingsOf(tx, referral.partnershipId);
  await announce(tx, 'REFERRAL_OVERDUE', { frontDoorId: referral.toOrganisationId, roles: settings.referralOverdueRoles }, referralEvent(referral, at));
  await followUp(tx, 'REFERRAL_DECISION_SENIOR_ALERT', referral.partnershipId, referral.id, at, settings.referralSeniorAfterWorkingHours);
}

export async function referralSeniorAlert(tx: DatabaseTx, deadline: Deadline, at: Date) {
  const referral = await undecidedReferral(tx, deadline.subjectId);
  if (!referral) return;
  const settings = await settingsOf(tx, referral.partnershipId);
  await announce(tx, 'REFERRAL_STILL_UNDECIDED', { frontDoorId: referral.toOrganisationId, roles: settings.referralSeniorRoles }, referralEvent(referral, at));
}

export async function encompassDue(tx: DatabaseTx, deadline: Deadline, at: Date) {
  const notification = await unacknowledgedEncompass(tx, deadline.subjectId);
  if (!notification) return;
  const settings = await settingsOf(tx, notification.partnershipId);
  await announce(tx, 'ENCOMPASS_UNACKNOWLEDGED', { schoolId: notification.schoolId, roles: settings.encompassOverdueRoles }, encompassEvent(notification, at));
  await followUp(tx, 'ENCOMPASS_SENIOR_ALERT', notification.partnershipId, notification.id, at, settings.encompassSeniorAfterWorkingHours);
}

export async function encompassSeniorAlert(tx: DatabaseTx, deadline: Deadline, at: Date) {
  const notification = await unacknowledgedEncompass(tx, deadline.subjectId);
  if (!notification) return;
  const settings = await settingsOf(tx, notification.partnershipId);
  await announce(tx, 'ENCOMPASS_STILL_UNACKNOWLEDGED', { policeOrganisationId: notification.policeOrganisationId, roles: settings.encompassSeniorRoles }, encompassEvent(notification, at));
}
