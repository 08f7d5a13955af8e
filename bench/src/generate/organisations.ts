// The partnership, its agencies and its people: schools of every phase (most of the population's
// concerns come from them), four police teams, health (the ICB, a community trust, a hospital trust,
// GP practices), children's social care, early help, the partnership's business unit and the
// voluntary sector. Configuration (RAG deadlines, the default ladder) is written with the demo
// seed's own functions, so it is exactly what a real partnership starts with.
import type { AgencyType, Database, Role } from '@wraparound/prisma';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, TOWNS, writeDefaultLadder, writeRagDeadlines } from '@wraparound/prisma/seed';
import type pg from 'pg';
import { copyRows } from './copy.ts';
import { uuidAt } from './ids.ts';
import type { Progress } from './progress.ts';
import { type Org, type Person, type SchoolPhase, type World, rngFor } from './world.ts';

interface OrgPlan extends Org {
  /** One of each, always. */
  core: Role[];
  /** Roles the rest of the user budget is spread over, and this organisation's share of it. */
  bulk: Role[];
  weight: number;
}

const SCHOOL_WORDS: Record<SchoolPhase, string> = {
  'early-years': 'Nursery', primary: 'Primary School', secondary: 'High School', college: 'College',
};

function planOrganisations(world: Pick<World, 'options' | 'sizes'>): OrgPlan[] {
  const rng = rngFor(world, 'organisations');
  const at = world.options.now.getTime() - 3 * 365 * 86_400_000;
  const org = (slug: string, name: string, agencyType: AgencyType, core: Role[], bulk: Role[], weight: number, extra: Partial<Org> = {}): OrgPlan => ({
    id: uuidAt(rng, at), slug, name, agencyType, leadPartner: false, core, bulk, weight, ...extra,
  });
  const plans: OrgPlan[] = [];
  for (let i = 0; i < world.sizes.schools; i++) {
    // 10% early years, 70% primary, 15% secondary, 5% colleges; the first four cover every phase.
    const phase: SchoolPhase = i < 4 ? (['primary', 'secondary', 'early-years', 'college'] as const)[i]! : rng.weighted([['early-years', 10], ['primary', 70], ['secondary', 15], ['college', 5]] as const);
    const town = rng.pick(TOWNS).town;
    const number = String(i + 1).padStart(3, '0');
    plans.push(org(`school-${number}`, `${town} ${SCHOOL_WORDS[phase]} ${number}`, 'SCHOOL', ['DSL', 'DEPUTY_DSL', 'HEADTEACHER'], ['SCHOOL_STAFF'], phase === 'secondary' || phase === 'college' ? 3 : 1, {
      phase, establishment: String(1000 + i).slice(-4),
    }));
  }
  const police = ['Public Protection North', 'Public Protection South', 'Child Abuse Investigation'];
  police.forEach((team, i) =>
    plans.push(org(`police-${i + 1}`, `Benchshire Police – ${team}`, 'POLICE', ['POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR'], ['POLICE_OFFICER', 'POLICE_OFFICER', 'DETECTIVE_SERGEANT'], 15, { leadPartner: i === 0 })),
  );
  plans.push(org('mash-police', 'Benchshire Police – MASH Team', 'POLICE', ['MASH_POLICE_RESEARCHER', 'DETECTIVE_SERGEANT'], ['MASH_POLICE_RESEARCHER'], 3));
  plans.push(org('icb', 'NHS Benchshire Integrated Care Board', 'HEALTH', ['DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'], [], 0, { leadPartner: true }));
  plans.push(org('community-health', 'Benchshire Community Health NHS Trust', 'HEALTH', ['HEALTH_VISITOR', 'SCHOOL_NURSE'], ['HEALTH_VISITOR', 'SCHOOL_NURSE'], 20));
  plans.push(org('hospitals', 'Benchshire Hospitals NHS Foundation Trust', 'HEALTH', ['NAMED_NURSE', 'NAMED_DOCTOR'], ['NAMED_NURSE'], 3));
  for (let i = 0; i < world.sizes.gpPractices; i++) {
    plans.push(org(`gp-${i + 1}`, `${rng.pick(TOWNS).town} Surgery ${i + 1}`, 'HEALTH', ['GP'], ['GP'], 1));
  }
  plans.push(org('childrens-services', "Benchshire County Council Children's Social Care", 'SOCIAL_CARE',
    ['SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'],
    ['SOCIAL_WORKER', 'SOCIAL_WORKER', 'SOCIAL_WORKER', 'SOCIAL_WORKER', 'MASH_WORKER', 'MASH_WORKER', 'TEAM_MANAGER'], 60, { leadPartner: true }));
  plans.push(org('early-help', 'Benchshire Early Help Service', 'EARLY_HELP', ['EARLY_HELP_PRACTITIONER'], ['EARLY_HELP_PRACTITIONER'], 5));
  plans.push(org('partnership', 'Benchshire Safeguarding Children Partnership – Business Unit', 'PARTNERSHIP',
    ['BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'PARTNERSHIP_ADMIN', 'IG_LEAD'], [], 0));
  plans.push(org('voluntary', 'Benchshire Families Trust', 'OTHER', [], [], 0));
  return plans;
}

function planPeople(world: Pick<World, 'options' | 'sizes'>, plans: OrgPlan[]): Person[] {
  const rng = rngFor(world, 'people');
  const at = world.options.now.getTime() - 2 * 365 * 86_400_000;
  const core = plans.reduce((sum, p) => sum + p.core.length, 0);
  const budget = Math.max(0, world.sizes.users - core);
  const totalWeight = plans.reduce((sum, p) => sum + p.weight, 0);
  const people: Person[] = [];
  for (const plan of plans) {
    const counts = new Map<Role, number>();
    const add = (role: Role) => {
      const n = (counts.get(role) ?? 0) + 1;
      counts.set(role, n);
      people.push({
        id: uuidAt(rng, at),
        organisationId: plan.id,
        role,
        email: `${role.toLowerCase().replace(/_/g, '.')}.${n}@${plan.slug}.${world.options.code}.example`,
      });
    };
    plan.core.forEach(add);
    const extra = totalWeight > 0 ? Math.round((budget * plan.weight) / totalWeight) : 0;
    for (let i = 0; i < extra; i++) add(plan.bulk[i % plan.bulk.length]!);
  }
  return people;
}

/** Writes the partnership, its configuration, organisations and users; fills world.orgs/people/ladder. */
export async function writeOrganisations(pool: pg.Pool, db: Database, world: World, passwordHash: string, progress: Progress): Promise<void> {
  const { partnershipId, options } = world;
  const rng = rngFor(world, 'names');
  await pool.query(
    // The bench measures reading and working with records; its personas sign in with a password
    // alone (an authenticator code per sign-in would be a second, unmeasured client).
    `INSERT INTO partnership (id, code, name, "secondFactorRequired", "updatedAt") VALUES ($1, $2, $3, false, now())`,
    [partnershipId, options.code, `${options.code[0]!.toUpperCase()}${options.code.slice(1)} Safeguarding Children Partnership (synthetic)`],
  );
  await writeRagDeadlines(db, partnershipId);

  const plans = planOrganisations(world);
  world.orgs = plans.map(({ core: _c, bulk: _b, weight: _w, ...o }) => o);
  await copyRows(pool, 'organisation', ['id', 'partnershipId', 'name', 'agencyType', 'externalCode', 'leadPartner', 'updatedAt'],
    plans.map((o) => [o.id, partnershipId, o.name, o.agencyType, o.establishment ?? null, o.leadPartner, options.now]), progress);

  world.people = planPeople(world, plans);
  world.byOrg = new Map();
  for (const p of world.people) {
    const list = world.byOrg.get(p.organisationId);
    if (list) list.push(p);
    else world.byOrg.set(p.organisationId, [p]);
  }
  const orgName = new Map(plans.map((o) => [o.id, o.name]));
  await copyRows(pool, 'user', ['id', 'partnershipId', 'organisationId', 'email', 'displayName', 'jobTitle', 'roles', 'passwordHash', 'updatedAt'],
    world.people.map((p) => {
      const given = rng.chance(0.5) ? rng.pick(GIVEN_FEMALE) : rng.pick(GIVEN_MALE);
      const jobTitle = `${p.role.charAt(0)}${p.role.slice(1).toLowerCase().replace(/_/g, ' ')}, ${orgName.get(p.organisationId)}`;
      return [p.id, partnershipId, p.organisationId, p.email, `${given} ${rng.pick(FAMILY)}`, jobTitle, [p.role], passwordHash, options.now];
    }), progress);

  const admin = world.people.find((p) => p.role === 'PARTNERSHIP_ADMIN');
  const ladderId = await writeDefaultLadder(db, partnershipId, admin?.id ?? null);
  const { rows: ladder } = await pool.query(`SELECT "urgentLimitHours" FROM escalation_ladder WHERE id = $1`, [ladderId]);
  const { rows: stages } = await pool.query(
    `SELECT id, position, "limitAmount", "escalateAfterGraceWorkingDays", "raiserRoles"::text[] AS "raiserRoles",
            "responderRoles"::text[] AS "responderRoles", "partnershipRoles"::text[] AS "partnershipRoles", "reminderPercents"
     FROM ladder_stage WHERE "ladderId" = $1 ORDER BY position`, [ladderId]);
  const { rows: reasons } = await pool.query(`SELECT code FROM ladder_reason_category WHERE "ladderId" = $1 AND NOT excluded ORDER BY code`, [ladderId]);
  world.ladder = { id: ladderId, urgentLimitHours: ladder[0].urgentLimitHours, stages, reasons: reasons.map((r) => r.code) };
}
