// Demo data: the fictional Northmoor Safeguarding Children Partnership (seedDemo), and a small
// second tenant, Otherby, for tests that need "another partnership" (seedOtherPartnership).
//
// Deterministic: names, children, concerns and their offsets come from seeded PRNGs, so every run
// produces the same population; only ids (UUIDv7) and the dates, which are offsets from "now" so
// the demo always looks current, differ. Users and their emails are listed in organisations.ts.
//
// Everything is written in one transaction; nothing is ever deleted (the database refuses).
import type { Database } from '../index.ts';
import type { AgencyType, Prisma, Role } from '../generated/client/client.ts';
import { buildPopulation, type Population, type PopulationContext, type SchoolRef, type UserRef } from './children.ts';
import { DEMO_WAITING_REFERRALS } from './frontDoor.ts';
import { writeClosureDays, writeCustomCategories, writeDefaultLadder, writeRagDeadlines } from './ladder.ts';
import { NORTHMOOR, OTHERBY, emailFor, type OrganisationSpec, type TenantSpec, type UserSpec } from './organisations.ts';
import { uuidv7 } from './random.ts';

export { DEFAULT_REASONS, DEFAULT_STAGES } from './ladder.ts';
export { NORTHMOOR, OTHERBY, emailFor } from './organisations.ts';

export interface SeedOptions {
  /** argon2id hasher, injected by the caller (the seed must not import from other packages). */
  hashPassword: (plain: string) => Promise<string>;
  /** The password to give each user, by email (the caller decides: random for the demo, fixed in tests). */
  passwordFor: (email: string) => string;
  /** Number of children (default 300). */
  children?: number;
}
export interface SeededUser { email: string; displayName: string; roles: string[]; organisation: string; agencyType: string }
export interface SeedResult { partnershipId: string; users: SeededUser[] }

type Tx = Prisma.TransactionClient;

const DEMO_SEED = 0x4e4d4f52; // "NMOR"
const OTHER_SEED = 0x4f544842; // "OTHB"
const TRANSACTION = { timeout: 120_000, maxWait: 15_000 } as const;
/** Rows per createMany statement: well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

interface PlannedOrganisation { id: string; spec: OrganisationSpec }
interface PlannedUser { id: string; organisationId: string; email: string; spec: UserSpec; organisation: OrganisationSpec }

interface TenantPlan {
  partnershipId: string;
  tenant: TenantSpec;
  organisations: PlannedOrganisation[];
  users: PlannedUser[];
}

interface PopulationShape {
  seed: number;
  count: number;
  minAge: number;
  maxAge: number;
  heavyShare: number;
  lightWeights: readonly [number, number, number];
  /** Referrals the front door has waiting, at least (frontDoor.ts). */
  waitingReferrals: number;
  /** Operation Encompass notifications (encompass.ts). */
  encompass: PopulationContext['encompass'];
}

function planTenant(tenant: TenantSpec): TenantPlan {
  const partnershipId = uuidv7();
  const organisations = tenant.organisations.map((spec) => ({ id: uuidv7(), spec }));
  const bySlug = new Map(organisations.map((o) => [o.spec.slug, o]));
  const users = tenant.users.map((spec) => {
    const organisation = bySlug.get(spec.org);
    if (!organisation) throw new Error(`seed: user ${spec.displayName} names an unknown organisation ${spec.org}`);
    return { id: uuidv7(), organisationId: organisation.id, email: emailFor(tenant, spec), spec, organisation: organisation.spec };
  });
  return { partnershipId, tenant, organisations, users };
}

function populationContext(plan: TenantPlan, now: Date, shape: PopulationShape, taken: PopulationContext['taken']): PopulationContext {
  const ref = (u: PlannedUser): UserRef => ({ id: u.id, organisationId: u.organisationId, role: u.spec.role });
  const withRole = (...roles: Role[]) => plan.users.filter((u) => roles.includes(u.spec.role)).map(ref);
  const schools: SchoolRef[] = plan.organisations
    .filter((o) => o.spec.agencyType === 'SCHOOL' && o.spec.phase && o.spec.establishment)
    .map((o) => {
      const staff = plan.users.filter((u) => u.organisationId === o.id);
      const dsl = staff.find((u) => u.spec.role === 'DSL');
      if (!dsl) throw new Error(`seed: ${o.spec.name} has no DSL`);
      return {
        id: o.id,
        phase: o.spec.phase!,
        establishment: o.spec.establishment!,
        raisers: staff.filter((u) => ['DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF'].includes(u.spec.role)).map(ref),
        dsl: ref(dsl),
      };
    });
  const socialCareOrg = plan.organisations.find((o) => o.spec.agencyType === 'SOCIAL_CARE');
  const socialWorker = plan.users.find((u) => u.spec.role === 'SOCIAL_WORKER');
  if (!socialCareOrg || !socialWorker) throw new Error('seed: a tenant needs a social care organisation and a social worker');
  return {
    partnershipId: plan.partnershipId,
    now,
    seed: shape.seed,
    count: shape.count,
    laCode: plan.tenant.laCode,
    minAge: shape.minAge,
    maxAge: shape.maxAge,
    heavyShare: shape.heavyShare,
    lightWeights: shape.lightWeights,
    schools,
    socialCare: {
      organisationId: socialCareOrg.id,
      socialWorker: ref(socialWorker),
      deciders: withRole('SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER'),
    },
    police: withRole('POLICE_OFFICER', 'DETECTIVE_SERGEANT'),
    health: withRole('HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE'),
    frontDoor: {
      waiting: shape.waitingReferrals,
      earlyHelp: withRole('EARLY_HELP_PRACTITIONER'),
      // Its pupils stay known to the school alone, unless the school itself refers them.
      schoolOnly: plan.organisations.find((o) => o.spec.slug === 'oakfield-primary')?.id ?? null,
    },
    encompass: shape.encompass,
    taken,
  };
}

/** argon2 is slow on purpose: each distinct password is hashed once, before the transaction opens. */
async function hashPasswords(plan: TenantPlan, options: SeedOptions): Promise<Map<string, string>> {
  const byPlain = new Map<string, Promise<string>>();
  const byEmail = new Map<string, Promise<string>>();
  for (const user of plan.users) {
    const plain = options.passwordFor(user.email);
    let hashed = byPlain.get(plain);
    if (!hashed) {
      hashed = options.hashPassword(plain);
      byPlain.set(plain, hashed);
    }
    byEmail.set(user.email, hashed);
  }
  const out = new Map<string, string>();
  for (const [email, hashed] of byEmail) out.set(email, await hashed);
  return out;
}

/** Serialises seeding, so two processes seeding one empty database cannot both write. */
async function lockSeeding(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wraparound.seed'))`;
}

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await create(rows.slice(i, i + CHUNK));
}

async function writeTenant(
  tx: Tx,
  plan: TenantPlan,
  hashes: Map<string, string>,
  population: Population,
  now: Date,
  config: { closureDays: boolean; customCategories: boolean; auditAction: string },
): Promise<SeedResult> {
  const partnershipId = plan.partnershipId;
  await tx.partnership.create({ data: { id: partnershipId, code: plan.tenant.code, name: plan.tenant.name } });
  await tx.organisation.createMany({
    data: plan.organisations.map((o) => ({
      id: o.id,
      partnershipId,
      name: o.spec.name,
      agencyType: o.spec.agencyType,
      externalCode: o.spec.externalCode ?? null,
      leadPartner: o.spec.leadPartner ?? false,
    })),
  });
  await tx.user.createMany({
    data: plan.users.map((u) => ({
      id: u.id,
      partnershipId,
      organisationId: u.organisationId,
      email: u.email,
      displayName: u.spec.displayName,
      jobTitle: u.spec.jobTitle,
      roles: [u.spec.role],
      passwordHash: hashes.get(u.email)!,
    })),
  });

  await writeRagDeadlines(tx, partnershipId);
  if (config.closureDays) await writeClosureDays(tx, partnershipId, now);
  if (config.customCategories) await writeCustomCategories(tx, partnershipId);
  const admin = plan.users.find((u) => u.spec.role === 'PARTNERSHIP_ADMIN');
  await writeDefaultLadder(tx, partnershipId, admin?.id ?? null);

  await createInChunks(population.children, (data) => tx.child.createMany({ data }));
  await createInChunks(population.statuses, (data) => tx.childStatusPeriod.createMany({ data }));
  await createInChunks(population.assignments, (data) => tx.childAssignment.createMany({ data }));
  await createInChunks(population.entries, (data) => tx.chronologyEntry.createMany({ data }));
  await createInChunks(population.concerns, (data) => tx.concern.createMany({ data }));
  await createInChunks(population.referrals, (data) => tx.referral.createMany({ data }));
  await createInChunks(population.encompassNotifications, (data) => tx.encompassNotification.createMany({ data }));
  await createInChunks(population.shares, (data) => tx.share.createMany({ data }));
  await createInChunks(population.deadlines, (data) => tx.deadline.createMany({ data }));
  await tx.auditEvent.create({
    data: {
      partnershipId,
      action: config.auditAction,
      subjectType: 'partnership',
      subjectId: partnershipId,
      detail: { children: population.children.length, users: plan.users.length },
    },
  });
  return { partnershipId, users: seededUsers(plan) };
}

function seededUsers(plan: TenantPlan): SeededUser[] {
  return plan.users.map((u) => ({
    email: u.email,
    displayName: u.spec.displayName,
    roles: [u.spec.role],
    organisation: u.organisation.name,
    agencyType: u.organisation.agencyType satisfies AgencyType,
  }));
}

function emptyTaken(): PopulationContext['taken'] {
  return { nhs: new Set(), upn: new Set(), references: new Set() };
}

/** Seeds the demo partnership. Returns null and writes nothing when the database already holds any partnership. */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult | null> {
  const count = options.children ?? 300;
  if (!Number.isInteger(count) || count < 0) throw new Error(`seed: children must be a whole number, not ${count}`);
  if ((await db.partnership.count()) > 0) return null;

  const now = new Date();
  const plan = planTenant(NORTHMOOR);
  const population = buildPopulation(
    populationContext(
      plan,
      now,
      { seed: DEMO_SEED, count, minAge: 0, maxAge: 17, heavyShare: 0.03, lightWeights: [0.4, 0.4, 0.2], waitingReferrals: DEMO_WAITING_REFERRALS,
        encompass: { acknowledged: 5, unread: 2, recent: 1 } },
      emptyTaken(),
    ),
  );
  const hashes = await hashPasswords(plan, options);

  return db.$transaction(async (tx) => {
    await lockSeeding(tx);
    if ((await tx.partnership.count()) > 0) return null;
    return writeTenant(tx, plan, hashes, population, now, { closureDays: true, customCategories: true, auditAction: 'seed.demo' });
  }, TRANSACTION);
}

/**
 * A second, minimal tenant for tests that need "another partnership": code "otherby", a primary
 * school, children's social care and police, one DSL, one social worker, one police officer, six
 * children (whatever `options.children` says) and a few concerns, plus the RAG deadlines and the
 * default ladder every partnership has.
 * Always writes (it does not check for an empty database); fails if "otherby" already exists.
 * Its emails, concern references, NHS numbers and UPNs never repeat the demo's or anyone else's.
 */
export async function seedOtherPartnership(db: Database, options: SeedOptions): Promise<SeedResult> {
  const count = 6; // always a handful: `options.children` is the demo's
  const now = new Date();
  const plan = planTenant(OTHERBY);
  const hashes = await hashPasswords(plan, options);

  return db.$transaction(async (tx) => {
    await lockSeeding(tx);
    if (await tx.partnership.findUnique({ where: { code: OTHERBY.code }, select: { id: true } })) {
      throw new Error(`seed: partnership "${OTHERBY.code}" already exists`);
    }
    // Generate, look for clashes with what the database already holds, and regenerate around them.
    const taken = emptyTaken();
    let population: Population | null = null;
    for (let attempt = 0; attempt < 5 && population === null; attempt++) {
      const candidate = buildPopulation(
        populationContext(
          plan,
          now,
          { seed: OTHER_SEED, count, minAge: 4, maxAge: 10, heavyShare: 0, lightWeights: [0, 0.6, 0.4], waitingReferrals: 0,
          encompass: { acknowledged: 0, unread: 0, recent: 0 } },
          { nhs: new Set(taken.nhs), upn: new Set(taken.upn), references: new Set(taken.references) },
        ),
      );
      const nhs = candidate.children.flatMap((c) => (c.nhsNumber ? [c.nhsNumber] : []));
      const upn = candidate.children.flatMap((c) => (c.upn ? [c.upn] : []));
      const references = candidate.concerns.map((c) => c.reference);
      const children = await tx.child.findMany({
        where: { OR: [{ nhsNumber: { in: nhs } }, { upn: { in: upn } }] },
        select: { nhsNumber: true, upn: true },
      });
      const concerns = await tx.concern.findMany({ where: { reference: { in: references } }, select: { reference: true } });
      if (children.length === 0 && concerns.length === 0) population = candidate;
      for (const c of children) {
        if (c.nhsNumber) taken.nhs.add(c.nhsNumber);
        if (c.upn) taken.upn.add(c.upn);
      }
      for (const c of concerns) taken.references.add(c.reference);
    }
    if (population === null) throw new Error('seed: could not avoid clashing identifiers for "otherby"');

    return writeTenant(tx, plan, hashes, population, now, { closureDays: false, customCategories: false, auditAction: 'seed.other' });
  }, TRANSACTION);
}

// Building blocks the county-scale generator (bench/) reuses, so there is one source of names,
// texts, configuration and deterministic randomness.
export { Rng } from './random.ts';
export { writeDefaultLadder, writeRagDeadlines } from './ladder.ts';
export { FAMILY, FLATS, GIVEN_ANY, GIVEN_FEMALE, GIVEN_MALE, POSTCODE_LETTERS, STREETS, TOWNS } from './names.ts';
export { ACTIONS, CONCERN_TEXT, DECISION_RATIONALE, HEALTH_CONTACTS, POLICE_INCIDENTS } from './texts.ts';
