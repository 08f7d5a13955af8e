// The active restrictions on a child's record and on its entries, for the people named on them
// and the information-governance lead. Everyone else gets an empty list: a restriction's reason
// is itself sensitive ("a relative of a member of staff"). The ids listed are audited.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { idOf } from '../common/ids.ts';
import './restriction.type.ts';

builder.queryField('restrictions', (t) =>
  t.prismaField({
    type: ['Restriction'],
    description: "Active restrictions on a child's record and its entries, newest first. Only those you are named on, unless you are the information-governance lead.",
    args: { childId: t.arg.globalID({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const childId = idOf(args.childId, 'Child');
      if (!childId) return [];
      const restrictions = await ctx.db.restriction.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(abilityOf(ctx), 'read', 'Restriction'),
            { liftedAt: null },
            { OR: [{ childId }, { entry: { is: { childId } } }] },
          ],
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      // Logged when something was shown: an empty answer says nothing about the child (and the id
      // may be anyone's, even another partnership's).
      if (restrictions.length > 0) {
        await recordAudit(ctx.db, ctx, {
          action: 'restriction.list',
          subjectType: 'Child',
          subjectId: childId,
          childId,
          detail: { restrictionIds: restrictions.map((r) => r.id) },
        });
      }
      return restrictions;
    },
  }),
);
