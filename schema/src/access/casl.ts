// CASL over our generated Prisma client (the `prisma-client` generator writes it to a custom
// path, so @casl/prisma's default entry cannot see its types). Import CASL from here only.
import type { Ability } from '@casl/ability';
import {
  accessibleBy,
  createPrismaAbility,
  type PrismaQueryOf,
  type Subjects,
  type WhereInputOf,
} from '@casl/prisma/runtime';
import type {
  AuditEvent, Child, ChronologyEntry, InformationRequest, Prisma, Referral, Share,
} from '@wraparound/prisma';

export { createPrismaAbility };

export type PrismaQuery = PrismaQueryOf<Prisma.TypeMap>;
export type WhereInput<M extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, M>;

export type Action =
  | 'read' | 'create' | 'update' | 'share' | 'refer' | 'decide' | 'request' | 'respond' | 'breakGlass' | 'manage';

export type AppSubjects = Subjects<{
  Child: Child;
  ChronologyEntry: ChronologyEntry;
  Share: Share;
  Referral: Referral;
  InformationRequest: InformationRequest;
  AuditEvent: AuditEvent;
}> | 'Concern' | 'all';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;

type ModelSubject = 'Child' | 'ChronologyEntry' | 'Share' | 'Referral' | 'InformationRequest' | 'AuditEvent';

/**
 * The Prisma `where` for the records of `model` the ability allows `action` on: the same rules
 * that check a single record in memory, as SQL. With no matching rule CASL answers `{ OR: [] }`,
 * which Prisma does not treat as "nothing" reliably everywhere; say "nothing" explicitly instead.
 */
export function accessibleWhere<M extends ModelSubject>(ability: AppAbility, action: Action, model: M): WhereInput<M> {
  if (!ability.can(action, model)) return { id: { in: [] } } as WhereInput<M>;
  return accessibleBy(ability, action).ofType(model) as WhereInput<M>;
}
