// The demo population: children, their statuses, and what agencies recorded about them. Pure: it
// builds rows (with client-side ids, so createMany can link them) and writes nothing.
import type { ConcernCategory, FrontDoorDecision, Gender, Prisma, RiskLevel, Role } from '../generated/client/client.ts';
import { nhsCheckDigit, searchNameOf, upnCheckLetter } from '../identifiers.ts';
import { FAMILY, FLATS, GIVEN_ANY, GIVEN_FEMALE, GIVEN_MALE, POSTCODE_LETTERS, PREFERRED, STREETS, TOWNS } from './names.ts';
import type { SchoolPhase } from './organisations.ts';
import { encompassNotifications, type EncompassContext } from './encompass.ts';
import { frontDoorBacklog, decisionDeadlines } from './frontDoor.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, Rng, concernReference, dateOnly, uuidv7 } from './random.ts';
import {
  ACTIONS, CONCERN_TEXT, CUSTOM_CONCERNS, DECISION_RATIONALE, HEALTH_CONTACTS, POLICE_INCIDENTS, REFERRAL_ACTION,
} from './texts.ts';

export interface UserRef {
  id: string;
  organisationId: string;
  role: Role;
}

export interface SchoolRef {
  id: string;
  phase: SchoolPhase;
  /** DfE establishment number, for the UPNs it allocates. */
  establishment: string;
  /** Who raises its concerns (DSL, deputy, staff), and the DSL who refers. */
  raisers: UserRef[];
  dsl: UserRef;
}

export interface PopulationContext {
  partnershipId: string;
  now: Date;
  seed: number;
  count: number;
  /** Local-authority code for UPNs. */
  laCode: string;
  /** Ages in whole years, both included. */
  minAge: number;
  maxAge: number;
  /** Share of children (with a school) given 10-20 concerns. */
  heavyShare: number;
  /** Weights of 0, 1 and 2 concerns for everyone else with a school. */
  lightWeights: readonly [number, number, number];
  schools: SchoolRef[];
  socialCare: {
    organisationId: string;
    /** Creates the children's records and their statuses. */
    socialWorker: UserRef;
    /** Decide referrals at the front door. */
    deciders: UserRef[];
  };
  /** Authors of police incidents (may be empty). */
  police: UserRef[];
  /** Authors of health contacts (may be empty). */
  health: UserRef[];
  /** The front door's waiting queue (frontDoor.ts): at least `waiting` referrals left undecided,
   * by schools, the police, health and early help (its practitioners, may be empty), the police,
   * health and early help never about pupils of the `schoolOnly` school. */
  frontDoor: { waiting: number; earlyHelp: UserRef[]; schoolOnly: string | null };
  /** Operation Encompass notifications the police have sent (encompass.ts), never about `frontDoor.schoolOnly`'s pupils. */
  encompass: EncompassContext['counts'];
  /** Values that must not be produced again (already in the database or another tenant). */
  taken: { nhs: Set<string>; upn: Set<string>; references: Set<string> };
}

export interface Population {
  children: Prisma.ChildCreateManyInput[];
  statuses: Prisma.ChildStatusPeriodCreateManyInput[];
  assignments: Prisma.ChildAssignmentCreateManyInput[];
  entries: Prisma.ChronologyEntryCreateManyInput[];
  concerns: Prisma.ConcernCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  /** A decision-time deadline for every referral awaiting a decision; an Encompass notification's. */
  deadlines: Prisma.DeadlineCreateManyInput[];
  encompassNotifications: Prisma.EncompassNotificationCreateManyInput[];
  shares: Prisma.ShareCreateManyInput[];
}

const YEAR_DAYS = 365.25;

interface Household {
  familyName: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  size: number;
}

interface Draft {
  id: string;
  givenName: string;
  gender: Gender;
  ageDays: number;
  age: number;
  school: SchoolRef | null;
  /** Days since the child joined the current school. */
  joinedDays: number;
  earliestEvent: number;
  row: Prisma.ChildCreateManyInput;
}

function ageInYears(dob: Date, now: Date): number {
  let years = now.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < dob.getUTCMonth() ||
    (now.getUTCMonth() === dob.getUTCMonth() && now.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) years--;
  return years;
}

/** Age (in days) at which a child joins a setting of each phase. */
const PHASE_START_DAYS: Record<SchoolPhase, number> = {
  'early-years': Math.round(2 * YEAR_DAYS),
  primary: Math.round(4 * YEAR_DAYS),
  secondary: Math.round(11 * YEAR_DAYS),
  college: Math.round(16 * YEAR_DAYS),
};

export function buildPopulation(ctx: PopulationContext): Population {
  const rng = new Rng(ctx.seed);
  const { now, partnershipId } = ctx;
  const nowMs = now.getTime();
  const byPhase = (phase: SchoolPhase) => ctx.schools.filter((s) => s.phase === phase);
  const primaries = byPhase('primary');
  const upnSchools = primaries.length > 0 ? primaries : ctx.schools;

  const out: Population = { children: [], statuses: [], assignments: [], entries: [], concerns: [], referrals: [], deadlines: [], encompassNotifications: [], shares: [] };
  const drafts: Draft[] = [];

  // ---- children -------------------------------------------------------------------------------
  let household: Household | null = null;
  const minAgeDays = Math.ceil(ctx.minAge * YEAR_DAYS);
  const maxAgeDays = Math.floor((ctx.maxAge + 1) * YEAR_DAYS) - 5;
  for (let i = 0; i < ctx.count; i++) {
    const sibling = household !== null && household.size < 4 && rng.chance(0.25);
    if (!sibling || household === null) {
      const place = rng.pick(TOWNS);
      household = {
        familyName: rng.pick(FAMILY),
        addressLine1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
        addressLine2: rng.chance(0.15) ? rng.pick(FLATS) : null,
        town: place.town,
        postcode: `${place.district} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`,
        size: 0,
      };
    }
    household.size++;

    const ageDays = rng.int(minAgeDays, maxAgeDays);
    const gender = rng.weighted<Gender>([['FEMALE', 48], ['MALE', 48], ['OTHER', 1], ['NOT_KNOWN', ageDays < 60 ? 20 : 2]]);
    const givenName =
      gender === 'FEMALE' ? rng.pick(GIVEN_FEMALE) : gender === 'MALE' ? rng.pick(GIVEN_MALE) : rng.pick(GIVEN_ANY);
    const familyName = household.familyName;
    const dob = dateOnly(now, ageDays);
    const age = ageInYears(dob, now);

    let otherNames: string | null = null;
    if (rng.chance(0.2)) {
      const pool = gender === 'FEMALE' ? GIVEN_FEMALE : gender === 'MALE' ? GIVEN_MALE : GIVEN_ANY;
      const middle = rng.pick(pool);
      if (middle !== givenName) otherNames = middle;
    }
    const short = PREFERRED[givenName];
    const preferredName = short !== undefined && rng.chance(0.4) ? short : null;

    // NHS number for ~90%: 999 is the range reserved for test data, so no real patient is named.
    let nhsNumber: string | null = null;
    if (rng.chance(0.9)) {
      for (;;) {
        const firstNine = `999${rng.digits(6)}`;
        const check = nhsCheckDigit(firstNine);
        if (check === null) continue;
        const candidate = `${firstNine}${check}`;
        if (ctx.taken.nhs.has(candidate)) continue;
        ctx.taken.nhs.add(candidate);
        nhsNumber = candidate;
        break;
      }
    }

    // School: by age.
    let school: SchoolRef | null = null;
    const maybe = (phase: SchoolPhase) => {
      const list = byPhase(phase);
      return list.length > 0 ? rng.pick(list) : null;
    };
    if (age >= 2 && age <= 3) school = rng.chance(0.55) ? maybe('early-years') : null;
    else if (age >= 4 && age <= 10) school = rng.chance(0.97) ? maybe('primary') : null;
    else if (age >= 11 && age <= 15) school = rng.chance(0.96) ? maybe('secondary') : null;
    else if (age >= 16) {
      const r = rng.float();
      school = r < 0.6 ? maybe('college') : r < 0.9 ? maybe('secondary') : null;
    }
    const joinedDays = school ? Math.max(1, ageDays - PHASE_START_DAYS[school.phase]) : 0;

    // UPN for every school-age child: allocated on first entry to school (reception, the
    // September after the fourth birthday) by a Northmoor primary.
    let upn: string | null = null;
    if (age >= 4 && age <= 17 && upnSchools.length > 0) {
      const entry = new Date(dob);
      entry.setUTCFullYear(entry.getUTCFullYear() + 4);
      let entryYear = entry.getUTCMonth() >= 8 ? entry.getUTCFullYear() + 1 : entry.getUTCFullYear();
      if (entryYear > now.getUTCFullYear()) entryYear = now.getUTCFullYear();
      const establishment = rng.pick(upnSchools).establishment;
      for (;;) {
        const rest = `${ctx.laCode}${establishment}${String(entryYear % 100).padStart(2, '0')}${rng.digits(3)}`;
        const letter = upnCheckLetter(rest);
        if (letter === null) throw new Error(`cannot make a UPN from ${rest}`);
        const candidate = `${letter}${rest}`;
        if (ctx.taken.upn.has(candidate)) continue;
        ctx.taken.upn.add(candidate);
        upn = candidate;
        break;
      }
    }

    const id = uuidv7();
    const row: Prisma.ChildCreateManyInput = {
      id,
      partnershipId,
      givenName,
      familyName,
      otherNames,
      preferredName,
      dateOfBirth: dob,
      gender,
      nhsNumber,
      upn,
      addressLine1: household.addressLine1,
      addressLine2: household.addressLine2,
      town: household.town,
      postcode: household.postcode,
      schoolId: school?.id ?? null,
      searchName: searchNameOf(givenName, familyName),
      createdById: ctx.socialCare.socialWorker.id,
      createdByOrganisationId: ctx.socialCare.organisationId,
    };
    drafts.push({ id, givenName: preferredName ?? givenName, gender, ageDays, age, school, joinedDays, earliestEvent: nowMs, row });
  }

  // ---- how many concerns each child has ---------------------------------------------------------
  const withSchool = drafts.filter((d) => d.school !== null);
  const heavyCandidates = withSchool.filter((d) => d.joinedDays >= 200);
  const heavyCount = Math.min(heavyCandidates.length, Math.round(ctx.count * ctx.heavyShare));
  const heavy = new Set(rng.sample(heavyCandidates, heavyCount).map((d) => d.id));

  // ---- statuses: CP plan ~5%, child in need ~10%, looked after ~3%, a few ended this year ---------
  const sw = ctx.socialCare.socialWorker;
  const addStatus = (d: Draft, kind: 'CHILD_PROTECTION_PLAN' | 'CHILD_IN_NEED' | 'LOOKED_AFTER', startDaysAgo: number, endDaysAgo: number | null) => {
    const start = Math.min(startDaysAgo, d.ageDays);
    const end = endDaysAgo === null ? null : Math.min(endDaysAgo, start - 1);
    const startedOn = dateOnly(now, start);
    const createdAt = new Date(startedOn.getTime() + 10 * HOUR_MS);
    const endedOn = end === null || end < 0 ? null : dateOnly(now, end);
    out.statuses.push({
      id: uuidv7(),
      partnershipId,
      childId: d.id,
      kind,
      startedOn,
      endedOn,
      recordedById: sw.id,
      createdAt,
      updatedAt: endedOn ? new Date(endedOn.getTime() + 10 * HOUR_MS) : createdAt,
    });
    out.assignments.push({
      id: uuidv7(),
      partnershipId,
      childId: d.id,
      userId: sw.id,
      role: 'ALLOCATED_SOCIAL_WORKER',
      startedAt: createdAt,
      endedAt: endedOn ? new Date(endedOn.getTime() + 10 * HOUR_MS) : null,
      createdAt,
      updatedAt: createdAt,
    });
    d.earliestEvent = Math.min(d.earliestEvent, createdAt.getTime());
  };
  // Exact shares, so even a small demo shows each kind: heavy children first (most on a plan),
  // then a shuffled pool of the others.
  const target = (share: number) => Math.round(ctx.count * share);
  const left = { CHILD_PROTECTION_PLAN: target(0.05), CHILD_IN_NEED: target(0.1), LOOKED_AFTER: target(0.03) };
  const pool: Draft[] = [];
  for (const d of drafts) {
    if (d.ageDays < 14) continue;
    if (!heavy.has(d.id)) {
      pool.push(d);
      continue;
    }
    const kind = rng.weighted([['CHILD_PROTECTION_PLAN', 60], ['LOOKED_AFTER', 20], ['CHILD_IN_NEED', 20]] as const);
    addStatus(d, kind, rng.int(20, 400), null);
    left[kind]--;
  }
  const shuffled = rng.sample(pool, pool.length);
  const take = (n: number) => shuffled.splice(0, Math.max(0, n));
  for (const d of take(left.CHILD_PROTECTION_PLAN)) addStatus(d, 'CHILD_PROTECTION_PLAN', rng.int(20, 540), null);
  for (const d of take(left.CHILD_IN_NEED)) addStatus(d, 'CHILD_IN_NEED', rng.int(30, 700), null);
  for (const d of take(left.LOOKED_AFTER)) addStatus(d, 'LOOKED_AFTER', rng.int(60, 2000), null);
  // A few whose plan or child-in-need period ended in the last year.
  for (const d of take(target(0.035))) {
    const end = rng.int(10, 350);
    addStatus(d, rng.weighted([['CHILD_PROTECTION_PLAN', 2], ['CHILD_IN_NEED', 3]] as const), end + rng.int(90, 500), end);
  }

  // ---- concerns ---------------------------------------------------------------------------------
  const nextReference = () => concernReference(rng, ctx.taken.references);
  const fill = (template: string, name: string) => template.replaceAll('{name}', name);
  const riskWeights = (isHeavy: boolean): [RiskLevel, number][] =>
    isHeavy ? [['LOW', 15], ['MEDIUM', 40], ['HIGH', 35], ['IMMEDIATE', 10]] : [['LOW', 35], ['MEDIUM', 40], ['HIGH', 20], ['IMMEDIATE', 5]];
  const referProbability: Record<RiskLevel, number> = { LOW: 0.02, MEDIUM: 0.08, HIGH: 0.4, IMMEDIATE: 0.8 };
  const decisions: Record<RiskLevel, [FrontDoorDecision, number][]> = {
    LOW: [['NO_FURTHER_ACTION', 3], ['ADVICE_OR_SIGNPOSTING', 4], ['EARLY_HELP', 2]],
    MEDIUM: [['ADVICE_OR_SIGNPOSTING', 2], ['EARLY_HELP', 4], ['SECTION_17_ASSESSMENT', 3], ['NO_FURTHER_ACTION', 1]],
    HIGH: [['SECTION_17_ASSESSMENT', 4], ['STRATEGY_DISCUSSION_SECTION_47', 4], ['EARLY_HELP', 1]],
    IMMEDIATE: [['STRATEGY_DISCUSSION_SECTION_47', 3], ['IMMEDIATE_PROTECTIVE_ACTION', 3]],
  };

  /** A moment `daysAgo` days back, in the school day (weekdays), never in the future. */
  const schoolDayMoment = (daysAgo: number, maxDaysAgo: number): number => {
    if (daysAgo === 0) return nowMs - rng.int(30, 300) * MINUTE_MS;
    let back = daysAgo;
    const weekday = new Date(nowMs - back * DAY_MS).getUTCDay();
    if (weekday === 6 && back + 1 <= maxDaysAgo) back += 1;
    if (weekday === 0 && back + 2 <= maxDaysAgo) back += 2;
    const day = dateOnly(now, back).getTime();
    return day + rng.int(8 * 60 + 15, 16 * 60) * MINUTE_MS;
  };
  const pendingReferrals: { referral: Prisma.ReferralCreateManyInput; concern: Prisma.ConcernCreateManyInput; risk: RiskLevel }[] = [];

  for (const d of drafts) {
    if (!d.school) continue;
    const isHeavy = heavy.has(d.id);
    const n = isHeavy ? rng.int(10, 20) : rng.weighted([[0, ctx.lightWeights[0]], [1, ctx.lightWeights[1]], [2, ctx.lightWeights[2]]]);
    const window = Math.max(1, Math.min(730, d.joinedDays));
    const school = d.school;
    for (let k = 0; k < n; k++) {
      const daysAgo = Math.floor(Math.pow(rng.float(), 1.3) * window);
      const occurredMs = schoolDayMoment(daysAgo, Math.min(730, d.ageDays - 1));
      const backdated = rng.chance(0.07);
      let recordedMs = backdated
        ? occurredMs + rng.int(1, 14) * DAY_MS + rng.int(0, 300) * MINUTE_MS
        : occurredMs + rng.int(5, 180) * MINUTE_MS;
      if (recordedMs > nowMs - MINUTE_MS) recordedMs = Math.max(occurredMs, nowMs - MINUTE_MS);

      const author = isHeavy && rng.chance(0.6) ? school.dsl : rng.pick(school.raisers);

      // Categories: one national category (two sometimes), or a partnership one beside its national one.
      const customFits = CUSTOM_CONCERNS.filter((c) => d.age >= c.minAge);
      const custom = customFits.length > 0 && rng.chance(0.04) ? rng.pick(customFits) : null;
      const fits = (Object.entries(CONCERN_TEXT) as [ConcernCategory, (typeof CONCERN_TEXT)[ConcernCategory]][]).filter(
        ([category, text]) => d.age >= text.minAge && (category !== 'FGM' || d.gender === 'FEMALE'),
      );
      const main: ConcernCategory = custom ? custom.withCategory : rng.weighted(fits.map(([c, t]) => [c, t.weight] as const));
      const categories: ConcernCategory[] = [main];
      if (!custom && rng.chance(0.25)) {
        const second = rng.weighted(fits.filter(([c]) => c !== main).map(([c, t]) => [c, t.weight] as const));
        categories.push(second);
      }
      const text = CONCERN_TEXT[main];
      const summary = custom ? custom.summary : rng.pick(text.summaries);
      const narrative = fill(custom ? custom.narrative : rng.pick(text.narratives), d.givenName);
      const childsWords = !custom && text.childsWords.length > 0 && rng.chance(0.4) ? rng.pick(text.childsWords) : null;

      const riskLevel = rng.weighted(riskWeights(isHeavy));
      const referred = rng.chance(referProbability[riskLevel]);
      const actionTaken = referred ? REFERRAL_ACTION : rng.chance(0.75) ? rng.pick(ACTIONS) : null;
      const dslInformed = referred || author.role !== 'SCHOOL_STAFF' || rng.chance(0.85);
      const status = referred ? 'REFERRED' : daysAgo > 180 && rng.chance(0.6) ? 'CLOSED' : 'OPEN';

      const entryId = uuidv7();
      const recordedAt = new Date(recordedMs);
      out.entries.push({
        id: entryId,
        partnershipId,
        childId: d.id,
        organisationId: school.id,
        authorId: author.id,
        kind: 'CONCERN',
        categories,
        customCategories: custom ? [custom.code] : [],
        occurredAt: new Date(occurredMs),
        recordedAt,
        summary,
        sensitive: false,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      });
      const concern: Prisma.ConcernCreateManyInput = {
        id: uuidv7(),
        partnershipId,
        entryId,
        childId: d.id,
        organisationId: school.id,
        raisedById: author.id,
        reference: nextReference(),
        narrative,
        childsWords,
        actionTaken,
        riskLevel,
        dslInformed,
        status,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      };
      out.concerns.push(concern);
      d.earliestEvent = Math.min(d.earliestEvent, occurredMs);

      if (referred) {
        let referredMs = recordedMs + rng.int(10, 120) * MINUTE_MS;
        if (referredMs > nowMs) referredMs = nowMs;
        const referral: Prisma.ReferralCreateManyInput = {
          id: uuidv7(),
          partnershipId,
          concernId: concern.id!,
          childId: d.id,
          fromOrganisationId: school.id,
          toOrganisationId: ctx.socialCare.organisationId,
          referredById: school.dsl.id,
          referredAt: new Date(referredMs),
          // The demo keeps it simple: one calendar day (the product counts a working day).
          decisionDueAt: new Date(referredMs + DAY_MS),
          createdAt: new Date(referredMs),
          updatedAt: new Date(referredMs),
        };
        pendingReferrals.push({ referral, concern, risk: riskLevel });
      }
    }

    // Police incidents and health contacts for the children agencies worry about most.
    if (isHeavy) {
      const policeCount = ctx.police.length > 0 ? rng.int(1, 3) : 0;
      for (let k = 0; k < policeCount; k++) {
        const incident = rng.pick(POLICE_INCIDENTS);
        const author = rng.pick(ctx.police);
        const occurredMs = dateOnly(now, rng.int(1, window)).getTime() + rng.int(0, 24 * 60 - 1) * MINUTE_MS;
        const recordedMs = Math.min(occurredMs + rng.int(30, 600) * MINUTE_MS, nowMs - MINUTE_MS);
        out.entries.push({
          id: uuidv7(),
          partnershipId,
          childId: d.id,
          organisationId: author.organisationId,
          authorId: author.id,
          kind: 'POLICE_INCIDENT',
          categories: incident.categories,
          customCategories: [],
          occurredAt: new Date(occurredMs),
          recordedAt: new Date(recordedMs),
          summary: incident.summary,
          detail: incident.detail,
          sensitive: true,
          createdAt: new Date(recordedMs),
          updatedAt: new Date(recordedMs),
        });
      }
      const healthCount = ctx.health.length > 0 ? rng.int(1, 3) : 0;
      const contacts = HEALTH_CONTACTS.filter((c) => d.age >= c.minAge && d.age <= c.maxAge);
      for (let k = 0; k < healthCount && contacts.length > 0; k++) {
        const contact = rng.pick(contacts);
        const role: Role = contact.by === 'HV_OR_GP' ? (d.age <= 4 ? 'HEALTH_VISITOR' : 'GP') : contact.by;
        const author = ctx.health.find((u) => u.role === role) ?? rng.pick(ctx.health);
        const occurredMs = dateOnly(now, rng.int(1, window)).getTime() + rng.int(8 * 60, 22 * 60) * MINUTE_MS;
        const recordedMs = Math.min(occurredMs + rng.int(20, 300) * MINUTE_MS, nowMs - MINUTE_MS);
        out.entries.push({
          id: uuidv7(),
          partnershipId,
          childId: d.id,
          organisationId: author.organisationId,
          authorId: author.id,
          kind: 'HEALTH_CONTACT',
          categories: contact.categories,
          customCategories: [],
          occurredAt: new Date(occurredMs),
          recordedAt: new Date(recordedMs),
          summary: contact.summary,
          detail: contact.detail,
          sensitive: true,
          createdAt: new Date(recordedMs),
          updatedAt: new Date(recordedMs),
        });
      }
    }
  }

  // ---- the front door: the older half of the referrals have been decided --------------------------
  pendingReferrals.sort((a, b) => (a.referral.referredAt as Date).getTime() - (b.referral.referredAt as Date).getTime());
  const decidedCount = Math.floor(pendingReferrals.length / 2);
  pendingReferrals.forEach(({ referral, concern, risk }, index) => {
    if (index < decidedCount) {
      const referredMs = (referral.referredAt as Date).getTime();
      const hours = rng.chance(0.85) ? rng.int(1, 22) : rng.int(25, 70);
      const decidedMs = Math.min(referredMs + hours * HOUR_MS + rng.int(0, 59) * MINUTE_MS, nowMs);
      const decision = rng.weighted(decisions[risk]);
      const decidedAt = new Date(decidedMs);
      referral.decision = decision;
      referral.decisionRationale = rng.pick(DECISION_RATIONALE[decision]);
      referral.decidedById = rng.pick(ctx.socialCare.deciders).id;
      referral.decidedAt = decidedAt;
      referral.decidedWithinTime = decidedMs <= (referral.decisionDueAt as Date).getTime();
      referral.referrerNotifiedAt = new Date(Math.min(decidedMs + rng.int(5, 90) * MINUTE_MS, nowMs));
      referral.updatedAt = decidedAt;
      concern.status = 'DECIDED';
      concern.updatedAt = decidedAt;
    }
    out.referrals.push(referral);
  });
  // A random stream of its own, so the rest of the population stays as it was.
  const backlogRng = new Rng(ctx.seed ^ 0x46444f52); // "FDOR"
  const backlog = frontDoorBacklog(
    {
      partnershipId, now, frontDoorId: ctx.socialCare.organisationId, police: ctx.police, health: ctx.health,
      earlyHelp: ctx.frontDoor.earlyHelp, schoolOnly: ctx.frontDoor.schoolOnly,
      nextReference: () => concernReference(backlogRng, ctx.taken.references),
    },
    backlogRng,
    drafts,
    out.referrals.filter((r) => !r.decidedAt).length,
    ctx.frontDoor.waiting,
  );
  out.entries.push(...backlog.entries);
  out.concerns.push(...backlog.concerns);
  out.referrals.push(...backlog.referrals);
  out.deadlines.push(...decisionDeadlines(out.referrals));

  const encompass = encompassNotifications(
    { partnershipId, now, police: ctx.police, schoolOnly: ctx.frontDoor.schoolOnly, counts: ctx.encompass },
    new Rng(ctx.seed ^ 0x454e4350), // "ENCP"
    drafts,
    new Set(),
  );
  out.entries.push(...encompass.entries);
  out.encompassNotifications.push(...encompass.notifications);
  out.shares.push(...encompass.shares);
  out.deadlines.push(...encompass.deadlines);

  // ---- a child's record exists before the first thing recorded about it ---------------------------
  for (const d of drafts) {
    const dobMs = (d.row.dateOfBirth as Date).getTime();
    const createdMs =
      d.earliestEvent < nowMs
        ? Math.max(dobMs, d.earliestEvent - rng.int(1, 30) * DAY_MS)
        : nowMs - rng.int(1, Math.max(1, Math.min(d.ageDays, 900))) * DAY_MS;
    d.row.createdAt = new Date(createdMs);
    d.row.updatedAt = new Date(createdMs);
    out.children.push(d.row);
  }
  return out;
}
