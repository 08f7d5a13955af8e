// One child's record. A child the viewer may not see is reported exactly as one that does not
// exist: null. Every successful read is audited.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './child.type.ts';

builder.queryField('child', (t) =>
  t.prismaField({
    type: 'Child',
    nullable: true,
    args: {
      id: t.arg.globalID({ required: true }),
      purpose: t.arg.string({ required: false, description: 'Why you are looking: kept in the access log.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'Child');
      if (!id) return null;
      const child = await ctx.db.child.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'Child'), { id }] },
      });
      if (child) {
        await recordAudit(ctx.db, ctx, { action: 'child.read', subjectType: 'Child', subjectId: child.id, childId: child.id, purpose: args.purpose ?? undefined });
      }
      return child;
    },
  }),
);
