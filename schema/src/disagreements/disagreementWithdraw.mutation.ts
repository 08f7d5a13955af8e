// The raiser (or their organisation's record readers) withdraws a disagreement, with a reason.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { mayWithdraw } from './actors.ts';
import { eventOf } from './disagreementEvent.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import { claimVersion, loadOpenDisagreement } from './load.ts';
import { leaveStage } from './stageClock.ts';

const Rules = z.object({ reason: z.string().trim().min(1, 'Say why you are withdrawing').max(5_000, 'The reason must be 5,000 characters or fewer') });

builder.mutationField('disagreementWithdraw', (t) =>
  t.field({
    type: successType('DisagreementWithdrawSuccess', 'disagreement', 'Disagreement'),
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'DisagreementWithdrawResult' } },
    args: { disagreementId: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { reason } = parseInput(Rules, args, []);
      const { disagreement, stage, openStage } = await loadOpenDisagreement(ctx, args.disagreementId);
      if (!mayWithdraw(ctx.viewer!, disagreement)) throw new NotAuthorisedError('Only the raiser’s organisation can withdraw a disagreement');
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await claimVersion(tx, disagreement, { status: 'WITHDRAWN', withdrawnAt: now, withdrawnReason: reason, currentDueAt: null, overdue: false });
        await leaveStage(tx, openStage.id, now, 'WITHDRAWN', ctx.viewer!.userId, reason);
        await announce(tx, 'DISAGREEMENT_WITHDRAWN', { disagreement, stage }, eventOf(disagreement, now, ctx.viewer!.userId));
        await recordAudit(tx, ctx, { action: 'disagreement.withdraw', subjectType: 'Disagreement', subjectId: disagreement.id, childId: disagreement.childId, purpose: reason });
      });
      return { id: disagreement.id };
    },
  }),
);
