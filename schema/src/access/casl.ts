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
  AuditEvent, Child, ChronologyEntry, EncompassNotification, InformationRequest, InformationRequestRecipient, Prisma,
  Referral, Share, Restriction, BreakGlassGrant, Disagreement, EscalationLadder, Notification, Organisation, User,
} from '@wraparound/prisma';

export { createPrismaAbility };

export type PrismaQuery = PrismaQueryOf<Prisma.TypeMap>;
export type WhereInput<M extends Prisma.ModelName> = WhereInputOf<Prisma.TypeMap, M>;

/** 'manage' is CASL's word for every action on a subject: use it only where that is meant (the ladder). */
export type Action =
  | 'read' | 'create' | 'update' | 'share' | 'refer' | 'decide' | 'request' | 'respond' | 'breakGlass' | 'manage'
  | 'restrict' | 'lift' | 'review' | 'link' | 'retry';

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
}> | 'Concern' | 'PartnershipFigures' | 'PartnershipSettings' | 'all';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;

type ModelSubject =
  | 'Organisation' | 'Child' | 'ChronologyEntry' | 'Share' | 'Referral' | 'InformationRequest' | 'InformationRequestRecipient'
  | 'EncompassNotification' | 'AuditEvent' | 'Restriction' | 'BreakGlassGrant' | 'Disagreement' | 'EscalationLadder' | 'Notification' | 'User';

/**
 * The Prisma `where` for the records of `model` the ability allows `action` on: the same rules
 * that check a single record in memory, as SQL. With no matching rule CASL answers `{ OR: [] }`,
 * which Prisma does not treat as "nothing" reliably everywhere; say "nothing" explicitly instead.
 */
export function accessibleWhere<M extends ModelSubject>(ability: AppAbility, action: Action, model: M): WhereInput<M> {
  if (!ability.can(action, model)) return { id: { in: [] } } as WhereInput<M>;
  return accessibleBy(ability, action).ofType(model) as WhereInput<M>;
}
