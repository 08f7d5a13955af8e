// "Break the glass": emergency access to a child's record the viewer cannot otherwise see (a
// restricted child, or one their agency does not know). It needs a reason, lasts the partnership's
// breakGlassMinutes, and is reported to the information-governance lead at once. The grant, its
// expiry deadline, the audit event and the IG lead's alert are written in one transaction: there
// is never access that nobody was told about. What the grant opens is decided by the read rules
// (children.rules.ts, chronology.rules.ts), which compare expiresAt with the clock.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { newReference } from '../common/references.ts';
import { parseInput } from '../common/validation.ts';
import { announce } from '../notifications/rules.ts';
import './breakGlassGrant.type.ts';

const BreakGlassInput = builder.inputType('BreakGlassInput', {
  fields: (t) => ({
    childId: t.globalID({ description: 'Any child of your partnership.' }),
    reason: t.string({ description: 'The emergency, in at least 20 characters: kept in the audit trail and seen by the information-governance lead.' }),
  }),
});

const Rules = z.object({
  reason: z
    .string()
    .trim()
    .min(20, 'Explain the emergency in at least 20 characters')
    .max(2_000, 'The reason must be 2,000 characters or fewer'),
});

const BreakGlassSuccess = successType('BreakGlassSuccess', 'grant', 'BreakGlassGrant');

builder.mutationField('breakGlass', (t) =>
  t.field({
    type: BreakGlassSuccess,
    description: "Emergency access to a child's record, for a limited time. Audited, and reported to the information-governance lead at once.",
    errors: {
      types: [ValidationError, NotFoundError, NotAuthorisedError],
      directResult: true,
      union: { name: 'BreakGlassResult' },
    },
    args: { input: t.arg({ type: BreakGlassInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('breakGlass', 'Child')) throw new NotAuthorisedError('Your role cannot use emergency access');
      const { reason } = parseInput(Rules, { reason: input.reason });

      // The child need only exist in the viewer's partnership: reaching a record they cannot
      // otherwise see is the point. Another partnership's child does not exist.
      const childId = idOf(input.childId, 'Child');
      const child = childId
        ? await ctx.db.child.findFirst({ where: { AND: [accessibleWhere(ability, 'breakGlass', 'Child'), { id: childId }] }, select: { id: true } })
        : null;
      if (!child) throw new NotFoundError('No child with that id in your partnership');

      const now = ctx.now();
      const partnership = await ctx.db.partnership.findUniqueOrThrow({ where: { id: viewer.partnershipId }, select: { breakGlassMinutes: true } });
      const expiresAt = new Date(now.getTime() + partnership.breakGlassMinutes * 60_000);

      const grant = await ctx.db.$transaction(async (tx) => {
        const created = await tx.breakGlassGrant.create({
          data: { partnershipId: viewer.partnershipId, userId: viewer.userId, childId: child.id, reason, grantedAt: now, expiresAt },
        });
        await tx.deadline.create({
          data: { partnershipId: viewer.partnershipId, kind: 'BREAK_GLASS_EXPIRY', subjectId: created.id, dueAt: expiresAt },
        });
        // The IG leads are told; the alert carries a reference, never the child's details or the reason.
        const alert = await announce(tx, 'BREAK_GLASS', {}, {
          partnershipId: viewer.partnershipId, subjectType: 'BreakGlassGrant', subjectId: created.id,
          reference: newReference('BG'), actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'break_glass.grant',
          subjectType: 'BreakGlassGrant',
          subjectId: created.id,
          childId: child.id,
          purpose: reason,
          detail: { expiresAt: expiresAt.toISOString(), notificationEventId: alert.eventId, igLeadsNotified: alert.recipients },
        });
        return created;
      });
      return { id: grant.id };
    },
  }),
);
