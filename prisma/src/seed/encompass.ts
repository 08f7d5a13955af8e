// The demo's Operation Encompass notifications (docs/domain.md, "Operation Encompass"): the police
// tell a pupil's school of a domestic-abuse incident before the next school day. Most were read
// in time; a few were not, and one waits for the next school day. Each is written as encompassNotify
// writes it: the police's sensitive chronology entry, the notification, the recorded share to the
// school, and, until the school acknowledges it, the deadline at the start of the school day, so
// the sweep alerts the school's leads and then the force about the unread ones.
import type { Prisma } from '../generated/client/client.ts';
import type { SchoolRef, UserRef } from './children.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Rng, dateOnly, uuidv7 } from './random.ts';
import { STREETS } from './names.ts';

export interface EncompassContext {
  partnershipId: string;
  now: Date;
  /** Officers who send notifications (none: no notifications). */
  police: UserRef[];
  /** A school whose pupils the police never write about (tests keep them school-only). */
  schoolOnly: string | null;
  /** How many: read in time, never read, and sent within the hour (due at the start of the next school day). */
  counts: { acknowledged: number; unread: number; recent: number };
}

export interface EncompassChild {
  id: string;
  givenName: string;
  ageDays: number;
  school: SchoolRef | null;
  earliestEvent: number;
}

export interface EncompassRows {
  entries: Prisma.ChronologyEntryCreateManyInput[];
  notifications: Prisma.EncompassNotificationCreateManyInput[];
  shares: Prisma.ShareCreateManyInput[];
  deadlines: Prisma.DeadlineCreateManyInput[];
}

const CIRCUMSTANCES = [
  'Verbal argument between the adults escalated; one adult arrested for criminal damage.',
  'Report of shouting and a door being broken; the adults were separated and advice given.',
  'Ex-partner attended the address in breach of a bail condition and was arrested.',
  'Neighbour called police after hearing screaming; injuries to the mother, who declined to support a prosecution.',
];
const VOICES = ['Child was awake and told officers "I hid in my room".', 'Child was tearful and clinging to their mother.', null, null];

/** The start of the school day after `ms` (08:30 UTC, weekdays: the demo keeps it simple, as for referrals). */
function nextSchoolDayStart(ms: number): number {
  let day = Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), new Date(ms).getUTCDate()) + 8.5 * HOUR_MS;
  if (day <= ms) day += DAY_MS;
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return day;
}

export function encompassNotifications(ctx: EncompassContext, rng: Rng, children: EncompassChild[], taken: Set<string>): EncompassRows {
  const out: EncompassRows = { entries: [], notifications: [], shares: [], deadlines: [] };
  const pupils = children.filter((c) => c.school !== null && c.school.id !== ctx.schoolOnly && c.ageDays > 2 * 365);
  if (ctx.police.length === 0 || pupils.length === 0) return out;
  const nowMs = ctx.now.getTime();
  const { acknowledged, unread, recent } = ctx.counts;
  const chosen = rng.sample(pupils, acknowledged + unread + recent);
  chosen.forEach((child, index) => {
    const kind = index < acknowledged ? 'ACKNOWLEDGED' : index < acknowledged + unread ? 'UNREAD' : 'RECENT';
    // Evening incidents weeks ago for those read or missed; within the hour for the recent ones,
    // which the school has until the start of its next school day to read.
    const incidentMs = kind === 'RECENT'
      ? nowMs - rng.int(30, 60) * MINUTE_MS
      : dateOnly(ctx.now, rng.int(3, 60)).getTime() + rng.int(19 * 60, 23 * 60) * MINUTE_MS;
    const sentMs = Math.min(incidentMs + rng.int(15, 150) * MINUTE_MS, nowMs - MINUTE_MS);
    const dueMs = kind === 'RECENT' ? nextSchoolDayStart(Math.max(incidentMs, nowMs)) : nextSchoolDayStart(incidentMs);
    const officer = rng.pick(ctx.police);
    const school = child.school!;
    let reference: string;
    do reference = `ENC-${rng.base32(6)}`; while (taken.has(reference));
    taken.add(reference);
    const policeReference = `NMP-${rng.digits(2)}-${rng.digits(6)}`;
    const location = `${rng.int(1, 180)} ${rng.pick(STREETS)}`;
    const childPresent = rng.chance(0.7);
    const childsVoice = childPresent ? rng.pick(VOICES) : null;
    const circumstances = rng.pick(CIRCUMSTANCES);
    const entryId = uuidv7();
    const id = uuidv7();
    const sent = new Date(sentMs);
    out.entries.push({
      id: entryId, partnershipId: ctx.partnershipId, childId: child.id, organisationId: officer.organisationId, authorId: officer.id,
      kind: 'ENCOMPASS_NOTIFICATION', categories: ['DOMESTIC_ABUSE'], customCategories: [], occurredAt: new Date(incidentMs), recordedAt: sent,
      summary: `Operation Encompass: domestic abuse incident, police reference ${policeReference}`,
      detail: [`Location: ${location}`, `Child present: ${childPresent ? 'yes' : 'no'}`, ...(childsVoice ? [`Child's voice: ${childsVoice}`] : []), `Circumstances: ${circumstances}`].join('\n'),
      sensitive: true, createdAt: sent, updatedAt: sent,
    });
    const acknowledgedAt = kind === 'ACKNOWLEDGED' ? new Date(Math.min(dueMs - rng.int(5, 60) * MINUTE_MS, nowMs - MINUTE_MS)) : null;
    out.notifications.push({
      id, partnershipId: ctx.partnershipId, reference, childId: child.id, entryId, policeOrganisationId: officer.organisationId, schoolId: school.id,
      createdById: officer.id, policeReference, incidentAt: new Date(incidentMs), location, childPresent, childsVoice, circumstances,
      dueBy: new Date(dueMs), deliveredAt: sent, acknowledgedById: acknowledgedAt ? school.dsl.id : null, acknowledgedAt,
      createdAt: sent, updatedAt: acknowledgedAt ?? sent,
    });
    out.shares.push({
      id: uuidv7(), partnershipId: ctx.partnershipId, entryId, childId: child.id, sharingOrganisationId: officer.organisationId, decision: 'SHARE',
      recipientOrganisationId: school.id,
      whatShared: "Operation Encompass notification: police reference, when and where, whether the child was present, the child's voice and brief circumstances",
      purpose: 'Operation Encompass', lawfulBasis: 'PUBLIC_TASK', specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING',
      decidedById: officer.id, decidedAt: sent, createdAt: sent, updatedAt: sent,
    });
    // Acknowledging closes the deadline (encompassAcknowledge); the others wait for the sweep.
    out.deadlines.push({
      partnershipId: ctx.partnershipId, kind: 'ENCOMPASS_DUE', subjectId: id, dueAt: new Date(dueMs), createdAt: sent,
      ...(acknowledgedAt ? { state: 'DONE', handledAt: acknowledgedAt } : {}),
    });
    child.earliestEvent = Math.min(child.earliestEvent, incidentMs);
  });
  return out;
}
