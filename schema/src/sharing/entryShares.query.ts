// The sharing decisions about one entry: shares (live, withdrawn, expired) and decisions not to
// share, newest first. They are the holding organisation's decisions, so only those who may make
// them (the `share` rule in chronology.rules.ts: its record readers, not under a restriction)
// read them. Anyone else, including a recipient of a share, gets null, as for a missing entry.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './share.type.ts';

builder.queryField('entryShares', (t) =>
  t.prismaField({
    type: ['Share'],
    nullable: true,
    description: 'Decisions to share an entry, or not to, newest first. Null when the entry does not exist or you may not make sharing decisions about it.',
    args: { entryId: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.entryId, 'ChronologyEntry');
      if (!id) return null;
      const entry = await ctx.db.chronologyEntry.findFirst({
        where: { AND: [accessibleWhere(abilityOf(ctx), 'share', 'ChronologyEntry'), { id }] },
        select: { id: true, childId: true },
      });
      if (!entry) return null;
      const shares = await ctx.db.share.findMany({
        ...query,
        where: { entryId: entry.id },
        orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      });
      await recordAudit(ctx.db, ctx, {
        action: 'share.list',
        subjectType: 'ChronologyEntry',
        subjectId: entry.id,
        childId: entry.childId,
        detail: { shareIds: shares.map((s) => s.id) },
      });
      return shares;
    },
  }),
);
