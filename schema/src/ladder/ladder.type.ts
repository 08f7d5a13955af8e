// The escalation ladder as GraphQL shows it: one version of the partnership's procedure, its
// stages in order and the reasons a disagreement may be raised for. Reaching a ladder always goes
// through a field that applies the rules (ladder.rules.ts); these types only describe it.
import { RoleEnum, UserType } from '../admin/user.type.ts';
import { builder } from '../builder.ts';
import { ClockKindEnum } from '../common/enums.ts';

export const LadderStageType = builder.prismaNode('LadderStage', {
  id: { field: 'id' },
  description: 'One stage of a ladder version: who acts at it, how long they have, and what expiry does.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '1-based order on the ladder.' }),
    label: t.exposeString('label'),
    description: t.exposeString('description', { nullable: true }),
    raiserRoles: t.expose('raiserRoles', { type: [RoleEnum], description: "Roles that act at this stage on the raiser's side." }),
    responderRoles: t.expose('responderRoles', {
      type: [RoleEnum],
      description: "Roles that act at this stage on the side of the agency whose decision is challenged.",
    }),
    partnershipRoles: t.expose('partnershipRoles', { type: [RoleEnum], description: "Roles that act at this stage for the partnership." }),
    limitAmount: t.exposeInt('limitAmount', { description: 'The time limit, in units of limitClock.' }),
    limitClock: t.expose('limitClock', { type: ClockKindEnum }),
    reminderPercents: t.exposeIntList('reminderPercents', { description: "Reminders at these percentages of the stage's time." }),
    notifyNextOnExpiry: t.exposeBoolean('notifyNextOnExpiry', {
      description: "On expiry the stage is marked overdue and, if this is set, the next stage's people are told.",
    }),
    escalateAfterGraceWorkingDays: t.exposeInt('escalateAfterGraceWorkingDays', {
      nullable: true,
      description: 'On expiry, the disagreement moves up after this many working days unless resolved or withdrawn; null: never by itself.',
    }),
    alertLeadPartnersOnExpiry: t.exposeBoolean('alertLeadPartnersOnExpiry', {
      description: 'Final stage only: its expiry alerts the lead partners and the independent scrutineer.',
    }),
    notifyPartnershipOnEntry: t.exposeBoolean('notifyPartnershipOnEntry', { description: 'The partnership is told when a disagreement reaches this stage.' }),
    final: t.boolean({
      description: 'The last stage of its ladder: nothing above it.',
      select: { ladder: { select: { _count: { select: { stages: true } } } } },
      resolve: (stage) => stage.position === stage.ladder._count.stages,
    }),
  }),
});

export const LadderReasonCategoryType = builder.prismaObject('LadderReasonCategory', {
  description: 'A reason a disagreement may be raised for. An excluded one is handled elsewhere, and says where.',
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    excluded: t.exposeBoolean('excluded', { description: 'Not for the ladder: see redirectTo.' }),
    redirectTo: t.exposeString('redirectTo', { nullable: true, description: 'Where to go instead, for an excluded category.' }),
  }),
});

export const EscalationLadderType = builder.prismaNode('EscalationLadder', {
  id: { field: 'id' },
  description:
    "One version of the partnership's procedure for resolving professional differences. Saving a change makes a new " +
    'version; a disagreement stays on the version it started with.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    current: t.exposeBoolean('current', { description: 'The version in force: new disagreements start on it.' }),
    urgentPathEnabled: t.exposeBoolean('urgentPathEnabled', {
      description: 'Whether an urgent disagreement may start at any stage, with a reason, on an hours clock.',
    }),
    urgentLimitHours: t.exposeInt('urgentLimitHours', { description: 'The calendar hours each stage of an urgent disagreement has.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.field({
      type: UserType,
      nullable: true,
      description: 'Who saved this version; null for the one the partnership started with.',
      // EscalationLadder has no relation to User in the model: load the person by id.
      resolve: (ladder, _args, ctx) =>
        ladder.createdById
          ? ctx.db.user.findFirst({ where: { id: ladder.createdById, partnershipId: ladder.partnershipId } })
          : null,
    }),
    stages: t.relation('stages', { query: { orderBy: { position: 'asc' } } }),
    reasonCategories: t.relation('reasonCategories', {
      description: 'In the order the ladder lists them.',
      query: { orderBy: { id: 'asc' } },
    }),
  }),
});
