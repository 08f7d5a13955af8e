// Someone acting at the current stage, on either side, records the discussion, a decision and its
// rationale.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { eventOf } from './disagreementEvent.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import { claimVersion, loadOpenDisagreement } from './load.ts';

const Rules = z.object({
  discussion: z.string().trim().min(1, 'Record what was discussed').max(10_000, 'The discussion must be 10,000 characters or fewer'),
  decision: z.string().trim().max(2_000, 'The decision must be 2,000 characters or fewer').nullish().transform((v) => v || null),
  rationale: z.string().trim().max(5_000, 'The rationale must be 5,000 characters or fewer').nullish().transform((v) => v || null),
});

builder.mutationField('disagreementRespond', (t) =>
  t.field({
    type: successType('DisagreementRespondSuccess', 'disagreement', 'Disagreement'),
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'DisagreementRespondResult' } },
    args: {
      disagreementId: t.arg.globalID({ required: true }),
      discussion: t.arg.string({ required: true }),
      decision: t.arg.string({ required: false }),
      rationale: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const data = parseInput(Rules, args, []);
      const { disagreement, stage, openStage, sides } = await loadOpenDisagreement(ctx, args.disagreementId);
      if (sides.length === 0) throw new NotAuthorisedError('You do not act at this stage of the disagreement');
      await ctx.db.$transaction(async (tx) => {
        await claimVersion(tx, disagreement, {});
        await tx.disagreementContribution.create({
          data: {
            partnershipId: disagreement.partnershipId, disagreementId: disagreement.id, stageId: openStage.id, authorId: ctx.viewer!.userId,
            organisationId: ctx.viewer!.organisationId, kind: data.decision ? 'DECISION' : sides.includes('RESPONDER') ? 'RESPONSE' : 'DISCUSSION',
            discussion: data.discussion, decision: data.decision, rationale: data.rationale,
          },
        });
        await announce(tx, 'DISAGREEMENT_RESPONDED', { disagreement, stage }, eventOf(disagreement, ctx.now(), ctx.viewer!.userId));
        await recordAudit(tx, ctx, { action: 'disagreement.respond', subjectType: 'Disagreement', subjectId: disagreement.id, childId: disagreement.childId, detail: { stage: disagreement.currentPosition } });
      });
      return { id: disagreement.id };
    },
  }),
);
