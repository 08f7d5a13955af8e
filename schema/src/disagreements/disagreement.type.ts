import { DisagreementStatus, StageExit, Urgency } from '@wraparound/prisma';
import { builder } from '../builder.ts';
import { readableChildWithQuery } from '../common/loaders.ts';
import { viewerActions } from './actors.ts';
import '../admin/organisation.type.ts';
import { UserType } from '../admin/user.type.ts';

export const DisagreementStatusEnum = builder.enumType(DisagreementStatus, { name: 'DisagreementStatus' });
export const UrgencyEnum = builder.enumType(Urgency, { name: 'Urgency' });
export const StageExitEnum = builder.enumType(StageExit, { name: 'StageExit' });

/** Shown before anything else on a disagreement about a child at immediate risk. */
export const IMMEDIATE_RISK_ADVICE =
  'If a child is at immediate risk, do not wait for this disagreement: call 999, or contact the children’s social care front door now.';

export const DisagreementStageType = builder.prismaObject('DisagreementStage', {
  description: 'The time a disagreement spent at one stage of its ladder: when, its deadline, and how it left.',
  fields: (t) => ({
    position: t.exposeInt('position'),
    label: t.string({ select: { ladderStage: { select: { label: true } } }, resolve: (s) => s.ladderStage.label }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    escalatesAt: t.expose('escalatesAt', { type: 'DateTime', nullable: true }),
    overdue: t.boolean({ resolve: (s, _args, ctx) => s.exitedAt === null && s.dueAt < ctx.now() }),
    exitedAt: t.expose('exitedAt', { type: 'DateTime', nullable: true }),
    exit: t.expose('exit', { type: StageExitEnum, nullable: true }),
    exitReason: t.exposeString('exitReason', { nullable: true }),
    exitedBy: t.field({
      type: UserType,
      nullable: true,
      description: 'Who moved it on by hand (escalated, resolved or withdrew it); null when the clock did or it is still here.',
      resolve: (s, _args, ctx) => (s.exitedById ? ctx.db.user.findFirst({ where: { id: s.exitedById, partnershipId: s.partnershipId } }) : null),
    }),
    // Contributions carry their stage's id but no relation to it in the model: load them by it.
    contributions: t.prismaField({
      type: ['DisagreementContribution'],
      description: 'What was said and decided while the disagreement was at this stage, oldest first.',
      resolve: (query, s, _args, ctx) =>
        ctx.db.disagreementContribution.findMany({ ...query, where: { stageId: s.id, partnershipId: s.partnershipId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

export const DisagreementContributionType = builder.prismaObject('DisagreementContribution', {
  description: 'What someone said or decided at a stage.',
  fields: (t) => ({
    discussion: t.exposeString('discussion'),
    decision: t.exposeString('decision', { nullable: true }),
    rationale: t.exposeString('rationale', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.prismaField({ type: 'User', resolve: (query, c, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: c.authorId } }) }),
  }),
});

export const DisagreementActionType = builder.prismaObject('DisagreementAction', {
  fields: (t) => ({
    description: t.exposeString('description'),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
  }),
});

const DisagreementViewerActionEnum = builder.enumType('DisagreementViewerAction', {
  values: ['RESPOND', 'RESOLVE', 'ESCALATE', 'WITHDRAW'] as const,
});

// Selects only the columns asked for (a queue is up to 500 rows): childId always, for the audit of
// a single read.
export const DisagreementType = builder.prismaNode('Disagreement', {
  id: { field: 'id' },
  select: { id: true, childId: true },
  description: "A professional's disagreement with another agency's decision about a child, on the partnership's escalation ladder.",
  fields: (t) => ({
    reference: t.exposeString('reference'),
    immediateRiskAdvice: t.string({
      nullable: true,
      description: 'Set when the child is at immediate risk: show it before anything else.',
      select: { immediateRisk: true },
      resolve: (d) => (d.immediateRisk ? IMMEDIATE_RISK_ADVICE : null),
    }),
    immediateRisk: t.exposeBoolean('immediateRisk'),
    status: t.expose('status', { type: DisagreementStatusEnum }),
    urgency: t.expose('urgency', { type: UrgencyEnum }),
    urgentReason: t.exposeString('urgentReason', { nullable: true }),
    child: t.relation('child'),
    childRecordOpen: t.boolean({
      description: "You can open the child's record. A partnership officer follows a disagreement without reading the record.",
      resolve: async (d, _args, ctx) => (await readableChildWithQuery(ctx, { select: { id: true } }, d.childId)) !== null,
    }),
    raisedBy: t.relation('raisedBy'),
    raisingOrganisation: t.relation('raisingOrganisation'),
    respondingOrganisation: t.relation('respondingOrganisation'),
    respondingUser: t.field({
      type: UserType,
      nullable: true,
      description: 'The person whose decision is challenged, when the raiser named them.',
      select: { respondingUserId: true, partnershipId: true },
      resolve: (d, _args, ctx) => (d.respondingUserId ? ctx.db.user.findFirst({ where: { id: d.respondingUserId, partnershipId: d.partnershipId } }) : null),
    }),
    decisionChallenged: t.exposeString('decisionChallenged'),
    decisionDate: t.expose('decisionDate', { type: 'Date' }),
    reasonCode: t.exposeString('reasonCode'),
    evidence: t.exposeString('evidence'),
    outcomeSought: t.exposeString('outcomeSought'),
    ladderVersion: t.int({ select: { ladder: { select: { version: true } } }, resolve: (d) => d.ladder.version }),
    currentPosition: t.exposeInt('currentPosition'),
    viewerActions: t.field({
      type: [DisagreementViewerActionEnum],
      description: 'What you may do to it now (the rules the mutations apply): offer exactly these.',
      select: {
        status: true, currentPosition: true, raisedById: true, raisingOrganisationId: true, respondingOrganisationId: true,
        ladder: { select: { stages: { select: { position: true, raiserRoles: true, responderRoles: true, partnershipRoles: true } } } },
      },
      resolve: (d, _args, ctx) => {
        const stage = d.ladder.stages.find((s) => s.position === d.currentPosition);
        if (!stage) return [];
        return viewerActions(ctx.viewer!, d, stage, d.ladder.stages.some((s) => s.position === d.currentPosition + 1));
      },
    }),
    currentDueAt: t.expose('currentDueAt', { type: 'DateTime', nullable: true }),
    overdue: t.boolean({
      select: { status: true, currentDueAt: true },
      resolve: (d, _args, ctx) => d.status === 'OPEN' && d.currentDueAt !== null && d.currentDueAt < ctx.now(),
    }),
    stages: t.relation('stages', { query: { orderBy: { enteredAt: 'asc' } } }),
    contributions: t.relation('contributions', { query: { orderBy: { createdAt: 'asc' } } }),
    actions: t.relation('actions'),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    resolvedAtPosition: t.exposeInt('resolvedAtPosition', { nullable: true }),
    outcomeStatement: t.exposeString('outcomeStatement', { nullable: true }),
    learning: t.exposeString('learning', { nullable: true }),
    themes: t.exposeStringList('themes'),
    systemIssueFound: t.exposeBoolean('systemIssueFound', { nullable: true }),
    withdrawnReason: t.exposeString('withdrawnReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
