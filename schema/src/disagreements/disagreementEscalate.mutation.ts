// The raiser's side moves a disagreement up the ladder by hand, with a reason. The stage it leaves
// stops its clock; the next stage starts its own.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { mayEscalate } from './actors.ts';
import { eventOf } from './disagreementEvent.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import { claimVersion, loadOpenDisagreement } from './load.ts';
import { enterStage, leaveStage } from './stageClock.ts';

const Rules = z.object({ reason: z.string().trim().min(1, 'Say why you are escalating').max(5_000, 'The reason must be 5,000 characters or fewer') });

builder.mutationField('disagreementEscalate', (t) =>
  t.field({
    type: successType('DisagreementEscalateSuccess', 'disagreement', 'Disagreement'),
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'DisagreementEscalateResult' } },
    args: { disagreementId: t.arg.globalID({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { reason } = parseInput(Rules, args, []);
      const { disagreement, openStage, sides } = await loadOpenDisagreement(ctx, args.disagreementId);
      if (!mayEscalate(ctx.viewer!, disagreement, sides)) throw new NotAuthorisedError('Only the raiser’s side escalates a disagreement by hand');
      const next = disagreement.ladder.stages.find((s) => s.position === disagreement.currentPosition + 1);
      if (!next) throw ValidationError.field(['disagreementId'], 'This disagreement is at the final stage: it cannot be escalated further');
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await claimVersion(tx, disagreement, { currentPosition: next.position, overdue: false });
        await leaveStage(tx, openStage.id, now, 'ESCALATED_BY_HAND', ctx.viewer!.userId, reason);
        const entered = await enterStage(tx, disagreement, disagreement.ladder, next, now);
        await tx.disagreement.update({ where: { id: disagreement.id }, data: { currentDueAt: entered.dueAt } });
        await announce(tx, 'DISAGREEMENT_ESCALATED', { disagreement, stage: next, notifyPartnership: next.notifyPartnershipOnEntry }, eventOf(disagreement, now, ctx.viewer!.userId));
        await recordAudit(tx, ctx, {
          action: 'disagreement.escalate', subjectType: 'Disagreement', subjectId: disagreement.id, childId: disagreement.childId,
          purpose: reason, detail: { from: disagreement.currentPosition, to: next.position },
        });
      });
      return { id: disagreement.id };
    },
  }),
);
