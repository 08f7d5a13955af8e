// The information-governance lead records whether an emergency access was justified. Once only:
// a review is part of the record, not a draft.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { parseInput } from '../common/validation.ts';
import './breakGlassGrant.type.ts';

const Rules = z.object({
  outcome: z
    .string()
    .trim()
    .min(1, 'Record the outcome of the review')
    .max(5_000, 'The outcome must be 5,000 characters or fewer'),
});

const BreakGlassReviewSuccess = successType('BreakGlassReviewSuccess', 'grant', 'BreakGlassGrant');

builder.mutationField('breakGlassReview', (t) =>
  t.field({
    type: BreakGlassReviewSuccess,
    errors: {
      types: [ValidationError, NotFoundError, NotAuthorisedError],
      directResult: true,
      union: { name: 'BreakGlassReviewResult' },
    },
    args: { id: t.arg.globalID({ required: true }), outcome: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('review', 'BreakGlassGrant')) {
        throw new NotAuthorisedError('Only the information-governance lead reviews emergency access');
      }
      const id = idOf(args.id, 'BreakGlassGrant');
      const grant = id
        ? await ctx.db.breakGlassGrant.findFirst({ where: { AND: [accessibleWhere(ability, 'review', 'BreakGlassGrant'), { id }] } })
        : null;
      if (!grant) throw new NotFoundError('No emergency access with that id');
      const { outcome } = parseInput(Rules, { outcome: args.outcome }, []);
      if (grant.reviewedAt) throw ValidationError.field(['id'], 'This emergency access has been reviewed already');

      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        // Guarded update: two reviews at once cannot both succeed.
        const updated = await tx.breakGlassGrant.updateMany({
          where: { id: grant.id, reviewedAt: null },
          data: { reviewedAt: now, reviewedById: viewer.userId, reviewOutcome: outcome },
        });
        if (updated.count !== 1) throw ValidationError.field(['id'], 'This emergency access has been reviewed already');
        await recordAudit(tx, ctx, {
          action: 'break_glass.review',
          subjectType: 'BreakGlassGrant',
          subjectId: grant.id,
          childId: grant.childId,
          detail: { grantUserId: grant.userId },
        });
      });
      return { id: grant.id };
    },
  }),
);
