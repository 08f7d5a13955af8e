// One emergency access, for the information-governance lead to review. Null for anyone else, as
// for a made-up id. Reading it is logged.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './breakGlassGrant.type.ts';

builder.queryField('breakGlassGrant', (t) =>
  t.prismaField({
    type: 'BreakGlassGrant',
    nullable: true,
    description: 'One emergency access. Null unless you are the information-governance lead.',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = idOf(args.id, 'BreakGlassGrant');
      if (!id) return null;
      const grant = await ctx.db.breakGlassGrant.findFirst({
        ...query,
        where: { AND: [accessibleWhere(abilityOf(ctx), 'read', 'BreakGlassGrant'), { id }] },
      });
      if (grant) {
        await recordAudit(ctx.db, ctx, { action: 'break_glass.read', subjectType: 'BreakGlassGrant', subjectId: grant.id, childId: grant.childId });
      }
      return grant;
    },
  }),
);
