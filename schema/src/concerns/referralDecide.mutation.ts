// Children's social care's front door records its decision on a referral. The decision becomes
// an entry in the child's chronology, owned by social care and shared with the referring
// organisation, so the referrer is told; whether it came within the limit is kept for the figures.
import { FrontDoorDecision } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { FrontDoorDecisionEnum } from '../common/enums.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { parseInput } from '../common/validation.ts';
import { announce } from '../notifications/rules.ts';
import './concern.type.ts';

export const DECISION_LABELS: Record<FrontDoorDecision, string> = {
  NO_FURTHER_ACTION: 'No further action',
  ADVICE_OR_SIGNPOSTING: 'Advice or signposting',
  EARLY_HELP: 'Early help',
  SECTION_17_ASSESSMENT: 'Assessment under section 17 (child in need)',
  STRATEGY_DISCUSSION_SECTION_47: 'Strategy discussion and section 47 enquiries',
  IMMEDIATE_PROTECTIVE_ACTION: 'Immediate protective action',
};

const ReferralDecideInput = builder.inputType('ReferralDecideInput', {
  fields: (t) => ({
    referralId: t.globalID(),
    decision: t.field({ type: FrontDoorDecisionEnum }),
    rationale: t.string({ description: 'Why: recorded, and seen by the referrer.' }),
  }),
});

const Rules = z.object({
  decision: z.enum(FrontDoorDecision),
  rationale: z.string().trim().min(1, 'Give the reasons for the decision').max(10_000, 'The rationale must be 10,000 characters or fewer'),
});

const ReferralDecideSuccess = successType('ReferralDecideSuccess', 'referral', 'Referral');

builder.mutationField('referralDecide', (t) =>
  t.field({
    type: ReferralDecideSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ReferralDecideResult' } },
    args: { input: t.arg({ type: ReferralDecideInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const { decision, rationale } = parseInput(Rules, input);
      const referralId = idOf(input.referralId, 'Referral');
      const referral = referralId
        ? await ctx.db.referral.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'decide', 'Referral'), { id: referralId }] } })
        : null;
      if (!referral) throw new NotFoundError('No referral with that id that you can decide');
      if (referral.decidedAt) throw ValidationError.field(['input', 'referralId'], 'This referral has been decided already');

      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        // Guarded update: two people deciding at once cannot both succeed.
        const updated = await tx.referral.updateMany({
          where: { id: referral.id, decidedAt: null },
          data: { decision, decisionRationale: rationale, decidedById: viewer.userId, decidedAt: now, decidedWithinTime: now <= referral.decisionDueAt },
        });
        if (updated.count !== 1) throw ValidationError.field(['input', 'referralId'], 'This referral has been decided already');
        await tx.concern.update({ where: { id: referral.concernId }, data: { status: 'DECIDED' } });
        const entry = await tx.chronologyEntry.create({
          data: {
            partnershipId: viewer.partnershipId,
            childId: referral.childId,
            organisationId: viewer.organisationId,
            authorId: viewer.userId,
            kind: 'FRONT_DOOR_DECISION',
            occurredAt: now,
            recordedAt: now,
            summary: `Front door decision: ${DECISION_LABELS[decision]}`,
            detail: rationale,
          },
        });
        await tx.share.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: referral.childId,
            sharingOrganisationId: viewer.organisationId,
            decision: 'SHARE',
            recipientOrganisationId: referral.fromOrganisationId,
            whatShared: 'The front door decision and its reasons',
            purpose: 'Telling the referrer the outcome of their referral',
            lawfulBasis: 'PUBLIC_TASK',
            specialCategoryCondition: 'DPA_SCH1_PARA18_SAFEGUARDING',
            decidedById: viewer.userId,
            decidedAt: now,
          },
        });
        await tx.deadline.updateMany({
          where: { kind: 'REFERRAL_DECISION_DUE', subjectId: referral.id, state: 'PENDING' },
          data: { state: 'DONE', handledAt: now },
        });
        // The referrer is told: the person who referred, in the app and by email (reference only).
        // The record to open is the concern's entry, whose page shows the decision.
        const concern = await tx.concern.findUniqueOrThrow({ where: { id: referral.concernId }, select: { reference: true, entryId: true } });
        await announce(tx, 'REFERRAL_DECIDED', { referrerId: referral.referredById, protectiveAction: decision === 'IMMEDIATE_PROTECTIVE_ACTION' }, {
          partnershipId: viewer.partnershipId, subjectType: 'ChronologyEntry', subjectId: concern.entryId, reference: concern.reference, actorUserId: viewer.userId, at: now,
        });
        await tx.referral.update({ where: { id: referral.id }, data: { referrerNotifiedAt: now } });
        await recordAudit(tx, ctx, {
          action: 'referral.decide',
          subjectType: 'Referral',
          subjectId: referral.id,
          childId: referral.childId,
          detail: { decision, withinTime: now <= referral.decisionDueAt },
        });
      });
      return { id: referral.id };
    },
  }),
);
