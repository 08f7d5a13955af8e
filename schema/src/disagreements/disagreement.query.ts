// One disagreement, and an escalation lead's queue: the open disagreements at a stage where the
// viewer acts, soonest deadline first, overdue ones marked.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import { actsAtCurrentStage } from './actors.ts';
import './disagreement.type.ts';

builder.queryField('disagreement', (t) =>
  t.prismaField({
    type: 'Disagreement',
    nullable: true,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'Disagreement');
      if (!id) return null;
      const found = await ctx.db.disagreement.findFirst({ ...query, where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Disagreement'), { id }] } });
      if (found) await recordAudit(ctx.db, ctx, { action: 'disagreement.read', subjectType: 'Disagreement', subjectId: found.id, childId: found.childId });
      return found;
    },
  }),
);

builder.queryField('disagreementQueue', (t) =>
  t.prismaConnection({
    type: 'Disagreement',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 100,
    description: 'Open disagreements at a stage where you act, soonest deadline first (overdue ones come first), a page at a time.',
    resolve: async (query, _root, _args, ctx) => {
      const rows = await ctx.db.disagreement.findMany({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Disagreement'), { status: 'OPEN' }, actsAtCurrentStage(ctx.viewer!)] },
        orderBy: [{ currentDueAt: 'asc' }, { id: 'asc' }],
      });
      await recordAudit(ctx.db, ctx, { action: 'disagreement.queue', detail: { disagreementIds: rows.map((r) => r.id) } });
      return rows;
    },
  }),
);
