// One chronology entry. An entry the viewer may not see is reported exactly as one that does
// not exist: null. Every successful read is audited.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './entry.type.ts';

builder.queryField('chronologyEntry', (t) =>
  t.prismaField({
    type: 'ChronologyEntry',
    nullable: true,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'ChronologyEntry');
      if (!id) return null;
      const entry = await ctx.db.chronologyEntry.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'ChronologyEntry'), { id }] },
      });
      if (entry) {
        await recordAudit(ctx.db, ctx, { action: 'entry.read', subjectType: 'ChronologyEntry', subjectId: entry.id, childId: entry.childId });
      }
      return entry;
    },
  }),
);
