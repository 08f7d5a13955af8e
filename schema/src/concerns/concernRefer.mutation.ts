// The organisation holding a concern refers it to children's social care. The front door must
// decide the response within the partnership's working-day limit (one working day by default).
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { addWorkingDays } from '../calendar/workingTime.ts';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { announce } from '../notifications/rules.ts';
import './concern.type.ts';
import { scheduleDeadlineJobs } from '../deadlines/jobs.ts';

const ReferralSuccess = successType('ConcernReferSuccess', 'referral', 'Referral');

builder.mutationField('concernRefer', (t) =>
  t.field({
    type: ReferralSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ConcernReferResult' } },
    args: { concernId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const concernId = idOf(args.concernId, 'Concern');
      // Only the holding organisation may refer: anyone else gets "not found", as if it did not exist.
      const concern = concernId
        ? await ctx.db.concern.findFirst({
            where: { id: concernId, entry: { is: accessibleWhere(abilityOf(ctx), 'refer', 'ChronologyEntry') } },
            include: { referrals: { where: { decidedAt: null } } },
          })
        : null;
      if (!concern) throw new NotFoundError('No concern with that id that you can refer');
      if (concern.referrals.length > 0) {
        throw ValidationError.field(['concernId'], 'This concern has been referred already and awaits a decision');
      }
      const frontDoor = await ctx.db.organisation.findFirst({
        where: { partnershipId: viewer.partnershipId, agencyType: 'SOCIAL_CARE', active: true },
        orderBy: [{ leadPartner: 'desc' }, { createdAt: 'asc' }],
      });
      if (!frontDoor) throw ValidationError.field(['concernId'], "Your partnership has no children's social care organisation to refer to");

      const now = ctx.now();
      const partnership = await ctx.db.partnership.findUniqueOrThrow({ where: { id: viewer.partnershipId } });
      const dueAt = addWorkingDays(await calendarOf(ctx.db, viewer.partnershipId), now, partnership.frontDoorDecisionWorkingDays);

      const referral = await ctx.db.$transaction(async (tx) => {
        const created = await tx.referral.create({
          data: {
            partnershipId: viewer.partnershipId,
            concernId: concern.id,
            childId: concern.childId,
            fromOrganisationId: concern.organisationId,
            toOrganisationId: frontDoor.id,
            referredById: viewer.userId,
            referredAt: now,
            decisionDueAt: dueAt,
          },
        });
        await tx.concern.update({ where: { id: concern.id }, data: { status: 'REFERRED' } });
        // At the decision time, if still undecided, the front door's managers are told (missedClocks.ts).
        const deadlines = await tx.deadline.createManyAndReturn({
          data: [{ partnershipId: viewer.partnershipId, kind: 'REFERRAL_DECISION_DUE', subjectId: created.id, dueAt }],
          select: { id: true, dueAt: true },
        });
        await scheduleDeadlineJobs(tx, deadlines);
        // The front door hears of it at once: its deciders, in the app and by email (reference only).
        // The record to open is the concern's entry, whose page shows the referral and its decision.
        await announce(tx, 'REFERRAL_RECEIVED', { frontDoorId: frontDoor.id, immediateRisk: concern.riskLevel === 'IMMEDIATE' }, {
          partnershipId: viewer.partnershipId, subjectType: 'ChronologyEntry', subjectId: concern.entryId, reference: concern.reference, actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, { action: 'concern.refer', subjectType: 'Referral', subjectId: created.id, childId: concern.childId });
        return created;
      });
      return { id: referral.id };
    },
  }),
);
