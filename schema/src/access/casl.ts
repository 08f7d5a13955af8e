// CASL over our generated Prisma client (the `prisma-client` generator writes it to a custom
// path, so @casl/prisma's default entry cannot see its types). Import CASL from here only.
import type { Ability } from '@casl/ability';
import {
  createPrismaAbility,
  type PrismaQueryOf,
  type Subjects,
  type WhereInputOf,
} from '@casl/prisma/runtime';
import type {
  AuditEvent, Child, ChronologyEntry, EncompassNotification, InformationRequest, InformationRequestRecipient, Prisma,
  Referral, Share, Restriction, BreakGlassGrant, Disagreement, EscalationLadder, Notification, Organisation, User, ConcernPattern,
} from '@wraparound/prisma';

export { createPrismaAbility };

export type PrismaQuery = PrismaQueryOf<Prisma.TypeMap>;
export type WhereInput<M extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, M>;

/** 'manage' is CASL's word for every action on a subject: use it only where that is meant (the ladder). */
export type Action =
  | 'read' | 'create' | 'update' | 'share' | 'refer' | 'decide' | 'request' | 'respond' | 'breakGlass' | 'manage'
  | 'restrict' | 'lift' | 'review' | 'link' | 'retry'
  /** 'name' a person on a restriction; 'identify' a child by name and date of birth only. */
  | 'name' | 'identify'
  /** 'lookUp' a child in the partnership's child index (identity only) and record one's involvement. */
  | 'lookUp';

export type AppSubjects = Subjects<{
  Child: Child;
  ChronologyEntry: ChronologyEntry;
  Share: Share;
  Referral: Referral;
  InformationRequest: InformationRequest;
  InformationRequestRecipient: InformationRequestRecipient;
  EncompassNotification: EncompassNotification;
  AuditEvent: AuditEvent;
  Restriction: Restriction;
  BreakGlassGrant: BreakGlassGrant;
  Disagreement: Disagreement;
  EscalationLadder: EscalationLadder;
  Notification: Notification;
  Organisation: Organisation;
  User: User;
  ConcernPattern: ConcernPattern;
}> | 'Concern' | 'PartnershipFigures' | 'PartnershipSettings' | 'all';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;

type ModelSubject =
  | 'Organisation' | 'Child' | 'ChronologyEntry' | 'Share' | 'Referral' | 'InformationRequest' | 'InformationRequestRecipient'
  | 'EncompassNotification' | 'AuditEvent' | 'Restriction' | 'BreakGlassGrant' | 'Disagreement' | 'EscalationLadder' | 'Notification' | 'User'
  | 'ConcernPattern';

/**
 * The Prisma `where` for the records of `model` the ability allows `action` on: the same rules
 * that check a single record in memory, as SQL. With no matching rule CASL answers `{ OR: [] }`,
 * which Prisma does not treat as "nothing" reliably everywhere; say "nothing" explicitly instead.
 */
export function accessibleWhere<M extends ModelSubject>(ability: AppAbility, action: Action, model: M): WhereInput<M> {
  const where = ability.can(action, model) ? rulesToWhere(ability.rulesFor(action, model)) : null;
  return (where ?? nothing(model)) as WhereInput<M>;
}

/** No record, on the model's primary key: the audit trail's is its sequence, every other model's `id`. */
function nothing(model: ModelSubject): Where {
  return model === 'AuditEvent' ? { seq: { in: [] } } : { id: { in: [] } };
}

type Where = Record<string, unknown>;
const isEverything = (w: Where) => Object.keys(w).length === 0;

/**
 * CASL's own translation (accessibleBy) gives every grant its own copy of every denial defined
 * after it: eight grants under two restriction rules became sixteen NOT EXISTS and six joins of
 * `child`, which PostgreSQL took longer to plan than to run. This is the same logic factored.
 * CASL's rule: the highest-priority (last defined) matching rule decides. So, read from the lowest
 * priority up, a grant makes the allowed set "this, or what was allowed", a denial "not this, and
 * what was allowed", and each denial appears once. An equality every grant carries (the
 * partnership) is tested once, outside. Null: nothing is allowed.
 */
export function rulesToWhere(rules: readonly { inverted: boolean; conditions?: unknown }[]): Where | null {
  const grants = rules.filter((r) => !r.inverted);
  const common = grants.every((r) => r.conditions) ? commonEqualities(grants.map((r) => r.conditions as Where)) : {};
  let allowed: Where | null = null;
  for (let i = rules.length - 1; i >= 0; i--) {
    const { inverted, conditions } = rules[i]!;
    if (!conditions) allowed = inverted ? null : {};
    else if (inverted) allowed = allowed && and({ NOT: conditions }, allowed);
    else allowed = or(without(conditions as Where, common), allowed);
  }
  return allowed && and(common, allowed);
}

/** Scalar equalities (`partnershipId: "…"`) present, with the same value, in every grant. */
function commonEqualities(grants: Where[]): Where {
  const [first, ...rest] = grants;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([key, value]) =>
    value !== null && typeof value !== 'object' && rest.every((g) => g[key] === value)));
}

function without(where: Where, keys: Where): Where {
  return Object.fromEntries(Object.entries(where).filter(([key]) => !(key in keys)));
}

const only = (w: Where, key: string) => Object.keys(w).length === 1 && Array.isArray(w[key]);

function and(a: Where, b: Where): Where {
  if (isEverything(a)) return b;
  if (isEverything(b)) return a;
  return { AND: [a, ...(only(b, 'AND') ? (b.AND as Where[]) : [b])] };
}

/**
 * `a OR b`, flattened; grants that are each one `relation: { some: … }` on the same relation are
 * merged into one (some x is A, or some x is B = some x is A or B): one EXISTS instead of several.
 */
function or(a: Where, b: Where | null): Where {
  if (!b) return a;
  if (isEverything(a) || isEverything(b)) return {};
  const items = [a, ...(only(b, 'OR') ? (b.OR as Where[]) : [b])];
  const merged: Where[] = [];
  for (const item of items) {
    const relation = someOf(item);
    const twin = relation && merged.find((m) => someOf(m) === relation);
    if (twin) {
      const some = (twin[relation] as { some: Where }).some;
      twin[relation] = { some: { OR: [...(only(some, 'OR') ? (some.OR as Where[]) : [some]), (item[relation] as { some: Where }).some] } };
    } else merged.push(relation ? { [relation]: item[relation] } : item);
  }
  return merged.length === 1 ? merged[0]! : { OR: merged };
}

/** The relation name, if the filter is exactly `{ relation: { some: … } }`. */
function someOf(w: Where): string | null {
  const keys = Object.keys(w);
  if (keys.length !== 1) return null;
  const value = w[keys[0]!];
  return value && typeof value === 'object' && Object.keys(value).length === 1 && 'some' in value ? keys[0]! : null;
}

/**
 * The same records as `accessibleWhere`, as a list of `where`s whose union they are: one per grant,
 * each with the denials that outrank it. For a list ordered by a column of another table (the
 * concern list by the concern's date): PostgreSQL cannot walk an index for an OR of grants, so it
 * walked every concern in date order testing each; each grant alone it can answer from its own
 * index and stop at a page. Empty: nothing is allowed.
 */
export function accessibleBranches<M extends ModelSubject>(ability: AppAbility, action: Action, model: M): WhereInput<M>[] {
  if (!ability.can(action, model)) return [];
  const rules = ability.rulesFor(action, model);
  let branches: Where[] = [];
  // As rulesToWhere: from the lowest priority up, a grant adds a branch, a denial narrows those below it.
  for (let i = rules.length - 1; i >= 0; i--) {
    const { inverted, conditions } = rules[i]!;
    if (!conditions) branches = inverted ? [] : [{}];
    else if (inverted) branches = branches.map((b) => and({ NOT: conditions }, b));
    else branches = [conditions as Where, ...branches];
  }
  return branches as WhereInput<M>[];
}

/**
 * Scalar equalities a `where` requires at its top level (through ANDs only), for the columns asked:
 * what a related row must then equal too (a concern's organisation is its entry's).
 */
export function requiredEqualities(where: object, columns: readonly string[]): Where {
  const found: Where = {};
  const visit = (w: Where) => {
    for (const [key, value] of Object.entries(w)) {
      if (key === 'AND') for (const item of Array.isArray(value) ? value : [value]) visit(item as Where);
      else if (columns.includes(key) && typeof value === 'string') found[key] = value;
    }
  };
  visit(where as Where);
  return found;
}

/**
 * A relation's conditions that a `where` requires at its top level (through ANDs), and the `where`
 * without them: for when the caller can ask them of the related row directly (an entry's concern,
 * in a list of concerns, is the concern itself).
 */
export function takeRelation<W extends object>(where: W, relation: string): { taken: Where[]; rest: W } {
  const taken: Where[] = [];
  const strip = (w: Where): Where =>
    Object.fromEntries(
      Object.entries(w)
        .filter(([key, value]) => {
          const is = (value as { is?: unknown } | null)?.is;
          if (key !== relation || typeof is !== 'object' || is === null) return true;
          taken.push(is as Where);
          return false;
        })
        .map(([key, value]) => [key, key !== 'AND' ? value : Array.isArray(value) ? value.map((item) => strip(item as Where)) : strip(value as Where)]),
    );
  const rest = strip(where as Where) as W;
  return { taken, rest };
}

/**
 * The same `where` with each grant through a to-many relation (`relation: { some: S }`, reached
 * through ANDs and ORs) asked only among related rows that also match `among`: for when the caller
 * knows every related row that could count matches it (the database holding it so), and saying so
 * lets PostgreSQL look up a few rows instead of hashing all that match S. Denials (under NOT) are
 * left as they are.
 */
export function narrowSome<W extends object>(where: W, relation: string, among: Where): W {
  const visit = (w: Where): Where =>
    Object.fromEntries(
      Object.entries(w).map(([key, value]) => {
        if (key === 'AND' || key === 'OR') return [key, Array.isArray(value) ? value.map((item) => visit(item as Where)) : visit(value as Where)];
        const some = key === relation ? (value as { some?: unknown } | null)?.some : undefined;
        if (typeof some !== 'object' || some === null) return [key, value];
        return [key, { ...(value as Where), some: { AND: [some, among] } }];
      }),
    );
  return visit(where as Where) as W;
}

/**
 * The same `where` without these equalities (as requiredEqualities found them, value for value):
 * for when the caller puts them on another row that the database holds equal (a concern's
 * organisation is its entry's).
 */
export function withoutEqualities<W extends object>(where: W, equalities: Where): W {
  const strip = (w: Where): Where =>
    Object.fromEntries(
      Object.entries(w)
        .filter(([key, value]) => !(key in equalities && equalities[key] === value))
        .map(([key, value]) => [key, key !== 'AND' ? value : Array.isArray(value) ? value.map((item) => strip(item as Where)) : strip(value as Where)]),
    );
  return strip(where as Where) as W;
}
