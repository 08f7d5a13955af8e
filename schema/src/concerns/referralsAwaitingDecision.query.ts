// The front door's queue: every referral awaiting a decision that the viewer may see (made to their
// front door, or by their own organisation), immediate risk first, then the most overdue, a page at
// a time and with how many there are, so none is ever out of sight. Filtered in SQL by the same
// rules as a single read; the referrals listed are audited.
import { GraphQLError } from 'graphql';
import type { Prisma, RiskLevel } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { RiskLevelEnum } from '../common/enums.ts';
import { idOf } from '../common/ids.ts';
import { pageShown } from '../common/pageShown.ts';
import type { Context } from '../context.ts';
import './concern.type.ts';

const MOST_URGENT_FIRST = [{ immediateRisk: 'desc' }, { decisionDueAt: 'asc' }, { id: 'asc' }] satisfies Prisma.ReferralOrderByWithRelationInput[];

const ReferralQueueFilter = builder.inputType('ReferralQueueFilter', {
  fields: (t) => ({
    riskLevels: t.field({ type: [RiskLevelEnum], required: false, description: 'Only referrals of concerns with one of these risk levels.' }),
    overdueOnly: t.boolean({ required: false, description: 'Only those past their decision time.' }),
    referringOrganisationId: t.globalID({ required: false, description: 'Only those made by this organisation.' }),
  }),
});

interface Filter {
  riskLevels?: RiskLevel[] | null;
  overdueOnly?: boolean | null;
  referringOrganisationId?: { typename: string; id: string } | null;
}

function awaitingWhere(ctx: Context, filter: Filter | null | undefined): Prisma.ReferralWhereInput {
  const referring = filter?.referringOrganisationId == null ? null : idOf(filter.referringOrganisationId, 'Organisation');
  if (filter?.referringOrganisationId != null && !referring) {
    throw new GraphQLError('referringOrganisationId is not the id of an organisation', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return {
    AND: [
      accessibleWhere(abilityOf(ctx), 'read', 'Referral'),
      { decidedAt: null },
      filter?.riskLevels?.length ? { concern: { is: { riskLevel: { in: filter.riskLevels } } } } : {},
      filter?.overdueOnly ? { decisionDueAt: { lt: ctx.now() } } : {},
      referring ? { fromOrganisationId: referring } : {},
    ],
  };
}

builder.queryField('referralsAwaitingDecision', (t) =>
  t.prismaConnection(
    {
      type: 'Referral',
      cursor: 'id',
      defaultSize: 25,
      maxSize: 100,
      description:
        'Referrals awaiting a front-door decision that you may see (made to your front door, or by your organisation): immediate risk first, then the most overdue. Every one, a page at a time; totalCount says how many.',
      args: { filter: t.arg({ type: ReferralQueueFilter, required: false }) },
      totalCount: (_root, args, ctx) => ctx.db.referral.count({ where: awaitingWhere(ctx, args.filter as Filter | null) }),
      resolve: async (query, _root, args, ctx) => {
        const rows = await ctx.db.referral.findMany({ ...query, where: awaitingWhere(ctx, args.filter as Filter | null), orderBy: MOST_URGENT_FIRST });
        await recordAudit(ctx.db, ctx, { action: 'referral.queue', detail: { referralIds: pageShown(rows, query).map((r) => r.id) } });
        return rows;
      },
    },
    { description: 'Referrals awaiting a decision, most urgent first.' },
  ),
);
