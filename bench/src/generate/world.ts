// What the generator knows while it writes: the partnership's organisations, people and children,
// kept in memory (ids and the few attributes later tables depend on), and the sizes to produce.
import type { AgencyType, Role } from '@wraparound/prisma';
import { Rng } from '@wraparound/prisma/seed';

export interface GenerateOptions {
  /** 1 = a county partnership (150,000 children, 500,000 concerns); 0.01 for CI; 10 national-ish. */
  scale: number;
  /** PRNG seed: the same seed and `now` give the same data. */
  seed: number;
  /** The reference time: every date is an offset back from it, deadlines ahead of it. */
  now: Date;
  /** Partnership code (emails are `<role>.<n>@<organisation>.<code>.example`). */
  code: string;
  quiet: boolean;
}

export const DEFAULT_OPTIONS: GenerateOptions = { scale: 1, seed: 0x42454e43, now: new Date(), code: 'benchshire', quiet: false };

/** Every generated user's password: fixed, so benchmarks and tests can sign in as anyone. */
export const BENCH_PASSWORD = 'Bench-Synthetic-County-Password-1';

export interface Sizes {
  children: number;
  concerns: number;
  /** Police incidents, health contacts and social care records, beside the concerns. */
  otherEntriesPerConcern: number;
  schools: number;
  gpPractices: number;
  users: number;
  requests: number;
  disagreements: number;
  shareRate: number;
  /** Entries the chronology benchmark's child has. */
  chronologyChildEntries: number;
  /** Children with hundreds of entries (the long tail). */
  heavyChildren: number;
}

export function sizesFor(scale: number): Sizes {
  if (!(scale > 0)) throw new Error(`scale must be above 0, not ${scale}`);
  const n = (value: number, min: number) => Math.max(min, Math.round(value * scale));
  const concerns = n(500_000, 200);
  return {
    children: n(150_000, 60),
    concerns,
    otherEntriesPerConcern: 0.2,
    schools: n(300, 3),
    gpPractices: n(40, 2),
    users: n(5_000, 80),
    requests: n(40_000, 20),
    disagreements: n(20_000, 40),
    shareRate: 0.05,
    chronologyChildEntries: Math.min(500, Math.floor(concerns / 4)),
    heavyChildren: n(75, 2),
  };
}

export type SchoolPhase = 'early-years' | 'primary' | 'secondary' | 'college';

export interface Org {
  id: string;
  slug: string;
  name: string;
  agencyType: AgencyType;
  phase?: SchoolPhase;
  establishment?: string;
  leadPartner: boolean;
}

export interface Person {
  id: string;
  organisationId: string;
  role: Role;
  email: string;
}

export interface ChildRef {
  id: string;
  dateOfBirth: Date;
  givenName: string;
  familyName: string;
  schoolId: string | null;
  /** When the child's record was created (no entry about them is older). */
  createdAt: number;
}

export interface LadderStageRef {
  id: string;
  position: number;
  limitAmount: number;
  escalateAfterGraceWorkingDays: number | null;
  raiserRoles: Role[];
  responderRoles: Role[];
  partnershipRoles: Role[];
  reminderPercents: number[];
}

export interface World {
  options: GenerateOptions;
  sizes: Sizes;
  partnershipId: string;
  laCode: string;
  orgs: Org[];
  people: Person[];
  /** People by organisation, for picking authors quickly. */
  byOrg: Map<string, Person[]>;
  children: ChildRef[];
  ladder: { id: string; urgentLimitHours: number; stages: LadderStageRef[]; reasons: string[] };
}

/** A PRNG per domain, so adding rows to one table does not reshuffle every other. */
export function rngFor(world: Pick<World, 'options'>, domain: string): Rng {
  let h = world.options.seed >>> 0;
  for (const ch of domain) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return new Rng(h);
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/**
 * A moment in the `span` before `now`, recent ones commoner: the density falls in a straight line
 * from twice the average at `now` to none at `span` ago. (A power of a uniform draw, used before,
 * has no ceiling at `now`: it crowded thousands of a county's records into its last hours.)
 */
export function recentMoment(rng: Rng, now: number, span: number): number {
  return now - span * (1 - Math.sqrt(rng.float()));
}

/**
 * When something that takes about `usually` ms after `from` happened, by `now - MINUTE` at the
 * latest: if `usually` would pass that, a moment between `from` and then. (Clamping instead put
 * thousands of entries in the same minute.)
 */
export function afterwards(rng: Rng, from: number, usually: number, now: number): number {
  return from + Math.min(usually, (now - MINUTE - from) * rng.float());
}

/** Everyone in an organisation with one of the roles (empty when none). */
export function peopleIn(world: World, organisationId: string, roles?: readonly Role[]): Person[] {
  const all = world.byOrg.get(organisationId) ?? [];
  return roles ? all.filter((p) => roles.includes(p.role)) : all;
}

export function orgsOf(world: World, agencyType: AgencyType): Org[] {
  return world.orgs.filter((o) => o.agencyType === agencyType);
}
