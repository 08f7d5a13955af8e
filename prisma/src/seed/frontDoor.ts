// The demo front door's queue. The issue that asked for a whole, paged queue found 17 of 37 waiting
// referrals out of sight, immediate-risk ones among them months overdue; the demo keeps such a
// queue (more than two pages of 25 whatever the number of children), so paging, ordering and the
// filters are always exercised: every risk level, referred just now or months ago, by schools, the
// police, health and early help. Every referral left waiting has its decision-time deadline row,
// as one made through the API has, so the sweep alerts the front door's managers about the overdue.
import type { ConcernCategory, Prisma, RiskLevel } from '../generated/client/client.ts';
import type { SchoolRef, UserRef } from './children.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Rng, uuidv7 } from './random.ts';
import { CONCERN_TEXT, EARLY_HELP_CONCERNS, HEALTH_CONTACTS, POLICE_INCIDENTS, REFERRAL_ACTION } from './texts.ts';

/** Referrals the demo's front door has waiting, at least. */
export const DEMO_WAITING_REFERRALS = 60;

/** A child the backlog may be about (children.ts's draft, as far as the backlog needs it). */
export interface BacklogChild {
  id: string;
  givenName: string;
  age: number;
  school: SchoolRef | null;
  earliestEvent: number;
}

export interface BacklogContext {
  partnershipId: string;
  now: Date;
  frontDoorId: string;
  /** Referrers beside the schools (each may be empty). */
  police: UserRef[];
  health: UserRef[];
  earlyHelp: UserRef[];
  /** A school whose pupils only the school itself refers (tests look for school-only pupils there). */
  schoolOnly: string | null;
  nextReference(): string;
}

export interface Backlog {
  entries: Prisma.ChronologyEntryCreateManyInput[];
  concerns: Prisma.ConcernCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
}

type Referrer = 'SCHOOL' | 'POLICE' | 'HEALTH' | 'EARLY_HELP';

/** How long a referral has waited, in hours: just in (not yet due), days, weeks, or months overdue. */
function waitedHours(rng: Rng, index: number): number {
  // The first few are the case the issue found: immediate risk, referred in the spring, never decided.
  if (index < 3) return rng.int(150, 240) * 24;
  return rng.weighted<() => number>([
    [() => rng.int(1, 20), 20],
    [() => rng.int(25, 7 * 24), 30],
    [() => rng.int(8, 30) * 24, 30],
    [() => rng.int(31, 200) * 24, 20],
  ])();
}

/**
 * Concerns referred to the front door and not yet decided, enough that `waiting` (those already
 * waiting) reaches `target`. Schools refer about their own pupils; the police, health and early
 * help about pupils of other schools than `schoolOnly`.
 */
export function frontDoorBacklog(ctx: BacklogContext, rng: Rng, children: BacklogChild[], waiting: number, target: number): Backlog {
  const out: Backlog = { entries: [], concerns: [], referrals: [] };
  const nowMs = ctx.now.getTime();
  const pupils = children.filter((c) => c.school !== null);
  const others = pupils.filter((c) => c.school!.id !== ctx.schoolOnly);
  const referrers: [Referrer, number][] = [
    ['SCHOOL', 60],
    ['POLICE', ctx.police.length > 0 ? 20 : 0],
    ['HEALTH', ctx.health.length > 0 ? 15 : 0],
    ['EARLY_HELP', ctx.earlyHelp.length > 0 ? 5 : 0],
  ];
  for (let index = 0; waiting + index < target && pupils.length > 0; index++) {
    const referrer = index < 3 ? 'SCHOOL' : rng.weighted(referrers);
    const child = rng.pick(referrer === 'SCHOOL' || others.length === 0 ? pupils : others);
    const risk: RiskLevel = index < 3 ? 'IMMEDIATE' : rng.weighted<RiskLevel>([['IMMEDIATE', 15], ['HIGH', 35], ['MEDIUM', 35], ['LOW', 15]]);

    let author: UserRef;
    let categories: ConcernCategory[];
    let summary: string;
    let narrative: string;
    let childsWords: string | null = null;
    if (referrer === 'SCHOOL') {
      const school = child.school!;
      author = rng.chance(0.7) ? school.dsl : rng.pick(school.raisers);
      const fits = (Object.entries(CONCERN_TEXT) as [ConcernCategory, (typeof CONCERN_TEXT)[ConcernCategory]][]).filter(([, t]) => child.age >= t.minAge);
      const category = rng.weighted(fits.map(([c, t]) => [c, t.weight] as const));
      const text = CONCERN_TEXT[category];
      categories = [category];
      summary = rng.pick(text.summaries);
      narrative = rng.pick(text.narratives).replaceAll('{name}', child.givenName);
      if (text.childsWords.length > 0 && rng.chance(0.4)) childsWords = rng.pick(text.childsWords);
    } else if (referrer === 'POLICE') {
      author = rng.pick(ctx.police);
      const incident = rng.pick(POLICE_INCIDENTS);
      ({ categories, summary } = incident);
      narrative = incident.detail;
    } else if (referrer === 'HEALTH') {
      author = rng.pick(ctx.health);
      const contacts = HEALTH_CONTACTS.filter((c) => child.age >= c.minAge && child.age <= c.maxAge);
      const contact = rng.pick(contacts.length > 0 ? contacts : HEALTH_CONTACTS);
      ({ categories, summary } = contact);
      narrative = contact.detail;
    } else {
      author = rng.pick(ctx.earlyHelp);
      const text = rng.pick(EARLY_HELP_CONCERNS);
      ({ categories, summary } = text);
      narrative = text.narrative.replaceAll('{name}', child.givenName);
    }

    const referredMs = nowMs - waitedHours(rng, index) * HOUR_MS - rng.int(0, 59) * MINUTE_MS;
    const recordedMs = referredMs - rng.int(10, 120) * MINUTE_MS;
    const occurredMs = recordedMs - rng.int(15, 24 * 60) * MINUTE_MS;
    const entryId = uuidv7();
    const concernId = uuidv7();
    out.entries.push({
      id: entryId, partnershipId: ctx.partnershipId, childId: child.id, organisationId: author.organisationId, authorId: author.id,
      kind: 'CONCERN', categories, customCategories: [], occurredAt: new Date(occurredMs), recordedAt: new Date(recordedMs), summary,
      sensitive: false, createdAt: new Date(recordedMs), updatedAt: new Date(recordedMs),
    });
    out.concerns.push({
      id: concernId, partnershipId: ctx.partnershipId, entryId, childId: child.id, organisationId: author.organisationId, raisedById: author.id,
      reference: ctx.nextReference(), narrative, childsWords, actionTaken: REFERRAL_ACTION, riskLevel: risk, dslInformed: referrer === 'SCHOOL',
      status: 'REFERRED', createdAt: new Date(recordedMs), updatedAt: new Date(referredMs),
    });
    out.referrals.push({
      id: uuidv7(), partnershipId: ctx.partnershipId, concernId, childId: child.id, fromOrganisationId: author.organisationId,
      toOrganisationId: ctx.frontDoorId, referredById: author.id, referredAt: new Date(referredMs),
      // As the rest of the demo: one calendar day (the product counts a working day).
      decisionDueAt: new Date(referredMs + DAY_MS), createdAt: new Date(referredMs), updatedAt: new Date(referredMs),
    });
    child.earliestEvent = Math.min(child.earliestEvent, occurredMs);
  }
  return out;
}

/** The decision-time deadline of every referral still waiting, as concernRefer writes it. */
export function decisionDeadlines(referrals: readonly Prisma.ReferralCreateManyInput[]): Prisma.DeadlineCreateManyInput[] {
  return referrals
    .filter((r) => !r.decidedAt)
    .map((r) => ({ partnershipId: r.partnershipId, kind: 'REFERRAL_DECISION_DUE', subjectId: r.id!, dueAt: r.decisionDueAt, createdAt: r.referredAt }));
}
