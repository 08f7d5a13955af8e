// Lift a restriction: the record goes back to its ordinary read rules. Only a member who could
// have created it may lift it (being named on it alone is not enough: a police officer named on a
// school's restricted entry must not be able to open it to the whole school). The restriction
// stays, with who lifted it, when and why in the audit trail.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { parseInput } from '../common/validation.ts';
import { liftRules } from './restrictionRules.ts';
import './restriction.type.ts';

const RestrictionLiftSuccess = successType('RestrictionLiftSuccess', 'restriction', 'Restriction');

builder.mutationField('restrictionLift', (t) =>
  t.field({
    type: RestrictionLiftSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'RestrictionLiftResult' } },
    args: { id: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      const id = idOf(args.id, 'Restriction');
      const restriction = id
        ? await ctx.db.restriction.findFirst({
            where: {
              AND: [
                accessibleWhere(ability, 'lift', 'Restriction'),
                { id },
                // "Could have created it": the same rules restrictionCreate applies.
                {
                  OR: [
                    { entry: { is: accessibleWhere(ability, 'share', 'ChronologyEntry') } },
                    { child: { is: accessibleWhere(ability, 'restrict', 'Child') } },
                  ],
                },
              ],
            },
            include: { entry: { select: { childId: true } } },
          })
        : null;
      if (!restriction) throw new NotFoundError('No restriction with that id that you can lift');
      const { reason } = parseInput(liftRules, { reason: args.reason }, []);
      if (restriction.liftedAt) throw ValidationError.field(['id'], 'This restriction has been lifted already');

      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        // Guarded update: two people lifting at once cannot both succeed.
        const updated = await tx.restriction.updateMany({
          where: { id: restriction.id, liftedAt: null },
          data: { liftedAt: now, liftedById: viewer.userId },
        });
        if (updated.count !== 1) throw ValidationError.field(['id'], 'This restriction has been lifted already');
        await recordAudit(tx, ctx, {
          action: 'restriction.lift',
          subjectType: 'Restriction',
          subjectId: restriction.id,
          childId: restriction.childId ?? restriction.entry?.childId,
          purpose: reason,
          detail: { entryId: restriction.entryId },
        });
      });
      return { id: restriction.id };
    },
  }),
);
