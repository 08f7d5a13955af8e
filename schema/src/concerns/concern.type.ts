import { builder } from '../builder.ts';
import { organisationWithQuery, readableChildWithQuery } from '../common/loaders.ts';
import { ConcernStatusEnum, FrontDoorDecisionEnum, RiskLevelEnum } from '../common/enums.ts';
import '../chronology/entry.type.ts';
import { RevisionType, revisionViews, snapshotOf } from '../common/revisions.ts';
import { CONCERN_FIELDS } from './concernFields.ts';

// Selects only the columns asked for (a chronology page carries up to 100 concerns).
export const ConcernType = builder.prismaNode('Concern', {
  id: { field: 'id' },
  select: { id: true },
  description: 'A safeguarding concern about a child. Its chronology entry carries who, when and what kind.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'Quoted in emails and calls instead of anything about the child.' }),
    narrative: t.exposeString('narrative'),
    childsWords: t.exposeString('childsWords', { nullable: true, description: "The child's own words." }),
    actionTaken: t.exposeString('actionTaken', { nullable: true }),
    riskLevel: t.expose('riskLevel', { type: RiskLevelEnum }),
    dslInformed: t.exposeBoolean('dslInformed'),
    status: t.expose('status', { type: ConcernStatusEnum }),
    entry: t.relation('entry'),
    referrals: t.relation('referrals', { query: { orderBy: { referredAt: 'desc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revisions: t.field({
      type: [RevisionType],
      description: 'Corrections, oldest first: what the concern said before, what changed, who and why.',
      select: { narrative: true, childsWords: true, actionTaken: true, riskLevel: true, dslInformed: true, entry: { include: { revisions: true } } },
      resolve: (concern) =>
        revisionViews(
          concern.entry.revisions.map((r) => ({ version: r.version, reason: r.reason, createdAt: r.createdAt, by: r.correctedById, snapshot: r.snapshot })),
          snapshotOf({ ...concern.entry, ...concern }, CONCERN_FIELDS),
        ),
    }),
  }),
});

export const ReferralType = builder.prismaNode('Referral', {
  id: { field: 'id' },
  description: "A concern referred to children's social care, and the front door's decision.",
  fields: (t) => ({
    referredAt: t.expose('referredAt', { type: 'DateTime' }),
    decisionDueAt: t.expose('decisionDueAt', { type: 'DateTime', description: 'Within one working day of the referral.' }),
    decision: t.expose('decision', { type: FrontDoorDecisionEnum, nullable: true }),
    decisionRationale: t.exposeString('decisionRationale', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decidedWithinTime: t.exposeBoolean('decidedWithinTime', { nullable: true }),
    overdue: t.boolean({
      description: 'Undecided past its due time.',
      resolve: (r, _args, ctx) => r.decidedAt === null && r.decisionDueAt < ctx.now(),
    }),
    immediateRisk: t.exposeBoolean('immediateRisk', { description: "The concern's risk is immediate." }),
    concern: t.relation('concern', { description: 'The concern referred.' }),
    // Ids on the model: organisations and the child come through per-request loaders, so a queue
    // page costs one query for each, not one per row.
    referringOrganisation: t.prismaField({
      type: 'Organisation',
      resolve: async (query, r, _args, ctx) => (await organisationWithQuery(ctx, query, r.fromOrganisationId))!,
    }),
    frontDoor: t.prismaField({
      type: 'Organisation',
      description: 'The front door the referral was made to.',
      resolve: async (query, r, _args, ctx) => (await organisationWithQuery(ctx, query, r.toOrganisationId))!,
    }),
    child: t.prismaField({
      type: 'Child',
      nullable: true,
      description: 'Who the referral is about, when you may read their record (the front door and the referrer may).',
      resolve: (query, r, _args, ctx) => readableChildWithQuery(ctx, query, r.childId),
    }),
  }),
});
