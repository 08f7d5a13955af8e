// The chronology: 500,000 concerns (at scale 1) and a fifth as many police incidents, health
// contacts and social care records, with the skew real caseloads have: the benchmark's chronology
// child has 500 entries, a few dozen children have hundreds, most have a handful and many none.
// Concerns that were referred get a front-door referral (decided within or after one working day);
// a share of entries is shared with another agency on a recorded lawful basis.
//
// Concerns and shares reference their entry, and referrals their concern, so the rows go in three
// passes over the same deterministic plan (re-run with the same PRNG) rather than held in memory.
import type { ConcernCategory, FrontDoorDecision, RiskLevel } from '@wraparound/prisma';
import { DEFAULT_CALENDAR, addWorkingDays } from '@wraparound/schema/calendar';
import { ACTIONS, CONCERN_TEXT, DECISION_RATIONALE, HEALTH_CONTACTS, POLICE_INCIDENTS } from '@wraparound/prisma/seed';
import type pg from 'pg';
import { CopyWriter, type Cell } from './copy.ts';
import { referenceOf, uuidAt } from './ids.ts';
import type { Progress } from './progress.ts';
import { DAY, HOUR, MINUTE, type Org, type Person, type World, orgsOf, peopleIn, recentMoment, afterwards, rngFor } from './world.ts';

export interface EntryRows {
  entry: Cell[];
  concern?: Cell[];
  referral?: Cell[];
  share?: Cell[];
}

/** Concerns per child: exact total, a long tail, child 0 fixed at the chronology benchmark's size. */
function concernCounts(world: World): Int32Array {
  const rng = rngFor(world, 'entry-counts');
  const { sizes } = world;
  const n = world.children.length;
  const counts = new Int32Array(n);
  const first = Math.round(sizes.chronologyChildEntries / (1 + sizes.otherEntriesPerConcern));
  counts[0] = first;
  let left = sizes.concerns - first;
  // The long tail: a few children with one to four hundred concerns each.
  for (let h = 1; h <= Math.min(sizes.heavyChildren, n - 1); h++) {
    const c = Math.min(left, rng.int(100, 400));
    counts[h] = c;
    left -= c;
  }
  // Everyone else: exponential around the remaining mean (so many have 0 or 1, some a dozen).
  const start = Math.min(sizes.heavyChildren, n - 1) + 1;
  const mean = left / Math.max(1, n - start);
  for (let i = start; i < n && left > 0; i++) {
    const c = Math.min(left, Math.floor(-Math.log(1 - rng.float()) * mean * 1.1));
    counts[i] = c;
    left -= c;
  }
  // Whatever is left over goes one at a time to random children beyond the tail.
  while (left > 0) {
    counts[rng.int(start < n ? start : 0, n - 1)]!++;
    left--;
  }
  return counts;
}

const CATEGORIES = Object.entries(CONCERN_TEXT) as [ConcernCategory, (typeof CONCERN_TEXT)[ConcernCategory]][];
const REFER_PROBABILITY: Record<RiskLevel, number> = { LOW: 0.02, MEDIUM: 0.08, HIGH: 0.4, IMMEDIATE: 0.85 };
const DECISIONS: Record<RiskLevel, [FrontDoorDecision, number][]> = {
  LOW: [['NO_FURTHER_ACTION', 3], ['ADVICE_OR_SIGNPOSTING', 4], ['EARLY_HELP', 2]],
  MEDIUM: [['ADVICE_OR_SIGNPOSTING', 2], ['EARLY_HELP', 4], ['SECTION_17_ASSESSMENT', 3], ['NO_FURTHER_ACTION', 1]],
  HIGH: [['SECTION_17_ASSESSMENT', 4], ['STRATEGY_DISCUSSION_SECTION_47', 4], ['EARLY_HELP', 1]],
  IMMEDIATE: [['STRATEGY_DISCUSSION_SECTION_47', 3], ['IMMEDIATE_PROTECTIVE_ACTION', 3]],
};

/** The whole chronology as a deterministic sequence of rows; every call yields the same rows. */
export function* planEntries(world: World): Generator<EntryRows> {
  const rng = rngFor(world, 'entries');
  const counts = concernCounts(world);
  const now = world.options.now.getTime();
  const { partnershipId } = world;
  const socialCare = orgsOf(world, 'SOCIAL_CARE')[0]!;
  const earlyHelp = orgsOf(world, 'EARLY_HELP')[0]!;
  const police = orgsOf(world, 'POLICE');
  const health = orgsOf(world, 'HEALTH').filter((o) => peopleIn(world, o.id).length > 0);
  const deciders = peopleIn(world, socialCare.id, ['MASH_WORKER', 'MASH_MANAGER', 'SOCIAL_WORKER']);
  const authors = new Map<string, Person[]>();
  const authorsOf = (org: Org) => {
    let list = authors.get(org.id);
    if (!list) {
      list = org.agencyType === 'SCHOOL' ? peopleIn(world, org.id, ['DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF']) : peopleIn(world, org.id);
      authors.set(org.id, list);
    }
    return list;
  };
  const schoolById = new Map(orgsOf(world, 'SCHOOL').map((o) => [o.id, o]));
  const fill = (text: string, name: string) => text.replaceAll('{name}', name);
  let concernNumber = 0;

  for (let c = 0; c < world.children.length; c++) {
    const child = world.children[c]!;
    const school = child.schoolId ? schoolById.get(child.schoolId)! : null;
    const age = (now - child.dateOfBirth.getTime()) / (365.25 * DAY);
    const concerns = counts[c]!;
    const others = Math.round(concerns * world.sizes.otherEntriesPerConcern + (c === 0 ? 0 : rng.float() - 0.5));
    for (let e = 0; e < concerns + others; e++) {
      const isConcern = e < concerns;
      const from = Math.max(child.createdAt, now - 3 * 365 * DAY);
      // Recent entries are commoner than old ones; recorded minutes to a day and a half later.
      const occurred = Math.floor(recentMoment(rng, now, now - from) - rng.int(5, 600) * MINUTE);
      const recorded = Math.floor(afterwards(rng, occurred, rng.int(10, 36 * 60) * MINUTE, now));
      let org: Org;
      let kind: string;
      let categories: ConcernCategory[];
      let summary: string;
      let detail: string;
      if (isConcern) {
        kind = 'CONCERN';
        org = school && rng.chance(0.7) ? school : rng.weighted<Org>([[rng.pick(police), 30], [rng.pick(health), 30], [socialCare, 20], [earlyHelp, 20]]);
        const eligible = CATEGORIES.filter(([, t]) => t.minAge <= age);
        const [category, text] = rng.weighted((eligible.length ? eligible : CATEGORIES).map((entry) => [entry, entry[1].weight] as const));
        categories = [category];
        summary = rng.pick(text.summaries);
        detail = fill(rng.pick(text.narratives), child.givenName);
      } else if (rng.chance(0.4)) {
        kind = 'POLICE_INCIDENT';
        org = rng.pick(police);
        const incident = rng.pick(POLICE_INCIDENTS);
        ({ summary, detail } = incident);
        categories = [...incident.categories];
      } else if (rng.chance(0.6)) {
        kind = 'HEALTH_CONTACT';
        org = rng.pick(health);
        const contact = rng.pick(HEALTH_CONTACTS);
        ({ summary, detail } = contact);
        categories = [...contact.categories];
      } else {
        kind = 'SOCIAL_CARE_RECORD';
        org = socialCare;
        summary = rng.pick(['Home visit completed', 'Child seen alone', 'Core group meeting held', 'Statutory visit: child seen in placement']);
        detail = `Visit recorded by the allocated worker. ${child.givenName} was seen and spoken to.`;
        categories = [];
      }
      const author = rng.pick(authorsOf(org));
      const sensitive = (org.agencyType === 'HEALTH' || org.agencyType === 'POLICE') && rng.chance(0.3);
      const entryId = uuidAt(rng, recorded);
      const recordedAt = new Date(recorded);
      const rows: EntryRows = {
        entry: [entryId, partnershipId, child.id, org.id, author.id, kind, categories, [], new Date(occurred), recordedAt, summary, detail, sensitive, recordedAt, recordedAt],
      };

      if (isConcern) {
        const risk = rng.weighted<RiskLevel>([['LOW', 35], ['MEDIUM', 40], ['HIGH', 20], ['IMMEDIATE', 5]]);
        const referred = rng.chance(REFER_PROBABILITY[risk]) && recorded < now - HOUR;
        const ageMs = now - recorded;
        let status = referred ? 'DECIDED' : ageMs < 14 * DAY && rng.chance(0.7) ? 'OPEN' : 'CLOSED';
        if (referred) {
          const referredAt = recorded + rng.int(5, 120) * MINUTE;
          const dueAt = addWorkingDays(DEFAULT_CALENDAR, new Date(referredAt), 1).getTime();
          const decidedAt = referredAt + rng.int(1, 40) * HOUR;
          const decided = decidedAt < now;
          if (!decided) status = 'REFERRED';
          const decision = decided ? rng.weighted(DECISIONS[risk]) : null;
          rows.referral = [
            uuidAt(rng, referredAt), partnershipId, null /* concern id, below */, child.id, org.id, socialCare.id, author.id,
            new Date(referredAt), new Date(dueAt), decision, decision ? rng.pick(DECISION_RATIONALE[decision]) : null,
            decided ? rng.pick(deciders).id : null, decided ? new Date(decidedAt) : null, decided ? decidedAt <= dueAt : null,
            decided ? new Date(decidedAt) : null, new Date(referredAt), new Date(decided ? decidedAt : referredAt),
          ];
        }
        const concernId = uuidAt(rng, recorded);
        if (rows.referral) rows.referral[2] = concernId;
        const text = CONCERN_TEXT[categories[0]!];
        rows.concern = [
          concernId, partnershipId, entryId, child.id, org.id, author.id, referenceOf('CON', concernNumber++), detail,
          text.childsWords.length > 0 && rng.chance(0.5) ? rng.pick(text.childsWords) : null, rng.pick(ACTIONS), risk, org.agencyType !== 'SCHOOL' || rng.chance(0.9), status,
          recordedAt, recordedAt,
        ];
      }
      if (rng.chance(world.sizes.shareRate)) {
        const to = org.id === socialCare.id ? (school && rng.chance(0.5) ? school : rng.pick(police)) : socialCare;
        const policeSharing = org.agencyType === 'POLICE';
        const consent = rng.weighted([['NOT_SOUGHT', 6], ['GIVEN', 3], ['REFUSED', 1]] as const);
        const decidedAt = new Date(recorded + rng.int(10, 600) * MINUTE);
        rows.share = [
          uuidAt(rng, decidedAt), partnershipId, entryId, child.id, org.id, 'SHARE', to.id, summary,
          'To inform the assessment of risk to the child', 'PUBLIC_TASK',
          policeSharing ? 'DPA_SCH8_PARA4_SAFEGUARDING' : 'DPA_SCH1_PARA18_SAFEGUARDING', consent,
          consent === 'NOT_SOUGHT' ? rng.pick(['UNSAFE', 'WOULD_PREJUDICE_PROTECTION', 'CANNOT_REASONABLY_BE_OBTAINED'] as const) : null,
          author.id, decidedAt, decidedAt, decidedAt,
        ];
      }
      yield rows;
    }
  }
}

const ENTRY_COLUMNS = ['id', 'partnershipId', 'childId', 'organisationId', 'authorId', 'kind', 'categories', 'customCategories', 'occurredAt', 'recordedAt', 'summary', 'detail', 'sensitive', 'createdAt', 'updatedAt'];
const CONCERN_COLUMNS = ['id', 'partnershipId', 'entryId', 'childId', 'organisationId', 'raisedById', 'reference', 'narrative', 'childsWords', 'actionTaken', 'riskLevel', 'dslInformed', 'status', 'createdAt', 'updatedAt'];
const REFERRAL_COLUMNS = ['id', 'partnershipId', 'concernId', 'childId', 'fromOrganisationId', 'toOrganisationId', 'referredById', 'referredAt', 'decisionDueAt', 'decision', 'decisionRationale', 'decidedById', 'decidedAt', 'decidedWithinTime', 'referrerNotifiedAt', 'createdAt', 'updatedAt'];
const SHARE_COLUMNS = ['id', 'partnershipId', 'entryId', 'childId', 'sharingOrganisationId', 'decision', 'recipientOrganisationId', 'whatShared', 'purpose', 'lawfulBasis', 'specialCategoryCondition', 'consentStatus', 'consentNotSoughtReason', 'decidedById', 'decidedAt', 'createdAt', 'updatedAt'];

type Part = 'entry' | 'concern' | 'referral' | 'share';
const COLUMNS: Record<Part, { table: string; columns: string[] }> = {
  entry: { table: 'chronology_entry', columns: ENTRY_COLUMNS },
  concern: { table: 'concern', columns: CONCERN_COLUMNS },
  referral: { table: 'referral', columns: REFERRAL_COLUMNS },
  share: { table: 'share', columns: SHARE_COLUMNS },
};

/** One pass over the plan, copying the given parts, each over a connection of its own. */
async function copyPass(pool: pg.Pool, world: World, parts: Part[], progress: Progress): Promise<void> {
  const clients = await Promise.all(parts.map(() => pool.connect()));
  try {
    const writers = parts.map((part, i) => [part, new CopyWriter(clients[i]!, COLUMNS[part].table, COLUMNS[part].columns, progress)] as const);
    for (const rows of planEntries(world)) {
      for (const [part, writer] of writers) {
        const row = rows[part];
        if (row) await writer.row(row);
      }
    }
    for (const [, writer] of writers) await writer.end();
  } finally {
    clients.forEach((c) => c.release());
  }
}

export async function writeEntries(pool: pg.Pool, world: World, progress: Progress): Promise<void> {
  await copyPass(pool, world, ['entry'], progress);
  await copyPass(pool, world, ['concern', 'share'], progress);
  await copyPass(pool, world, ['referral'], progress);
}
