// The partnership administrator resets a person's authenticator (a lost or replaced phone): the
// secret and recovery codes stop working, the person's sessions and sign-ins under way end, and
// their next sign-in sets up an app afresh. Audited, and the person is told by email (in words
// that say nothing more), in case it was not them who asked.
import { recordAudit } from '../../audit/record.ts';
import { abilityOf } from '../../access/ability.ts';
import { accessibleWhere } from '../../access/casl.ts';
import { builder } from '../../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../../common/failures.ts';
import { idOf } from '../../common/ids.ts';
import { newReference } from '../../common/references.ts';
import { successType } from '../../common/results.ts';
import { announce } from '../../notifications/rules.ts';
import { retireRecoveryCodes } from './recoveryCodes.ts';

const Input = builder.inputType('UserSecondFactorResetInput', { fields: (t) => ({ userId: t.globalID() }) });

builder.mutationField('userSecondFactorReset', (t) =>
  t.field({
    type: successType('UserSecondFactorResetSuccess', 'user', 'User'),
    description: 'Reset a person’s authenticator app: they set one up again at their next sign-in. Partnership administrator only.',
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'UserSecondFactorResetResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const ability = abilityOf(ctx);
      if (!ability.can('update', 'User')) throw new NotAuthorisedError('Only the partnership administrator resets people’s authenticator apps');
      const id = idOf(input.userId, 'User');
      const user = id ? await ctx.db.user.findFirst({ where: { AND: [accessibleWhere(ability, 'update', 'User'), { id }] } }) : null;
      if (!user) throw new NotFoundError('No person with that id in your partnership');
      if (!user.mfaSecret && !user.secondFactorPausedUntil) {
        throw ValidationError.field(['input', 'userId'], 'This person has not set up an authenticator app, so there is nothing to reset');
      }
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: user.id },
          data: { mfaSecret: null, secondFactorEnrolledAt: null, secondFactorLastStep: null, secondFactorFailures: 0, secondFactorPausedUntil: null },
        });
        await retireRecoveryCodes(tx, user.id, now);
        await tx.secondFactorChallenge.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
        await tx.session.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now, endReason: 'second factor reset' } });
        await recordAudit(tx, ctx, { action: 'account.second_factor_reset', subjectType: 'User', subjectId: user.id, detail: { wasEnrolled: user.mfaSecret !== null } });
        await announce(tx, 'SECOND_FACTOR_RESET', { userId: user.id }, {
          partnershipId: user.partnershipId, subjectType: 'User', subjectId: user.id, reference: newReference('SEC'), actorUserId: ctx.viewer!.userId, at: now,
        });
      });
      return { id: user.id };
    },
  }),
);
