// For the information-governance lead: every emergency access, newest first, to review whether
// it was justified. Empty for everyone else. Reading the list is itself logged.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import './breakGlassGrant.type.ts';
import { pageShown } from '../common/pageShown.ts';

builder.queryField('breakGlassGrants', (t) =>
  t.prismaConnection({
    type: 'BreakGlassGrant',
    cursor: 'id',
    description: 'Emergency accesses, newest first. Empty unless you are the information-governance lead.',
    defaultSize: 25,
    maxSize: 100,
    args: { unreviewedOnly: t.arg.boolean({ required: false, description: 'Only those not yet reviewed.' }) },
    resolve: async (query, _root, args, ctx) => {
      const ability = abilityOf(ctx);
      const grants = await ctx.db.breakGlassGrant.findMany({
        ...query,
        where: { AND: [accessibleWhere(ability, 'read', 'BreakGlassGrant'), args.unreviewedOnly ? { reviewedAt: null } : {}] },
        orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }],
      });
      if (ability.can('read', 'BreakGlassGrant')) {
        await recordAudit(ctx.db, ctx, { action: 'break_glass.list', detail: { grantIds: pageShown(grants, query).map((g) => g.id) } });
      }
      return grants;
    },
  }),
);
