// Enrolment at first sign-in, step two: a code from the newly set-up app proves it works. The
// secret becomes the person's, ten recovery codes are made (shown this once), and the sign-in
// finishes with a session.
import { z } from 'zod';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { UserType } from '../../admin/user.type.ts';
import { ValidationError } from '../../common/failures.ts';
import { parseInput } from '../../common/validation.ts';
import { AccountLockedError } from '../login.mutation.ts';
import { openSession, type LoginOutcome } from '../sessionOpen.ts';
import { liveChallenge, spendChallenge, CHALLENGE_ENDED } from './challenge.ts';
import { ChallengeRule, CodeRule, WRONG_CODE } from './inputs.ts';
import { newRecoveryCodes, storeRecoveryCodes } from './recoveryCodes.ts';
import { unseal } from './sealing.ts';
import { acceptedStep } from './totp.ts';
import { refuseWhilePaused, refuseWrongCode } from './wrongCodes.ts';

const Input = builder.inputType('SecondFactorConfirmInput', {
  fields: (t) => ({
    challenge: t.string({ description: 'From SecondFactorEnrolmentRequired.' }),
    code: t.string({ description: 'The 6-digit code the app shows now.' }),
  }),
});

const Enrolled = builder.objectRef<LoginOutcome & { recoveryCodes: string[] }>('SecondFactorEnrolled').implement({
  description: 'The app is set up and the person is signed in.',
  fields: (t) => ({
    recoveryCodes: t.exposeStringList('recoveryCodes', { description: 'Ten one-time codes for signing in without the app. Shown only now.' }),
    user: t.field({ type: UserType, resolve: (o) => o.user }),
    token: t.exposeString('token', { nullable: true, description: 'Only for BEARER_TOKEN sessions.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the session ends if not used.' }),
  }),
});

builder.mutationField('secondFactorConfirm', (t) =>
  t.field({
    type: Enrolled,
    description: 'Finish setting up an authenticator app with a code from it, and sign in. Available without a session, with a challenge.',
    skipTypeScopes: true,
    errors: { types: [ValidationError, AccountLockedError], directResult: true, union: { name: 'SecondFactorConfirmResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(z.object({ challenge: ChallengeRule, code: CodeRule }), input);
      const challenge = await liveChallenge(ctx, data.challenge);
      const { user } = challenge;
      const now = ctx.now();
      refuseWhilePaused(user, now);
      if (user.mfaSecret || !challenge.pendingSecret) throw ValidationError.field(['input', 'challenge'], CHALLENGE_ENDED);
      const secret = unseal(ctx.auth.secondFactorKey, user.id, challenge.pendingSecret);
      const step = await acceptedStep(secret, data.code, now, null);
      if (step === null) return refuseWrongCode(ctx, user, ['input', 'code'], WRONG_CODE);

      const { codes, hashes } = await newRecoveryCodes();
      const outcome = await openSession(ctx, user, challenge.sessionMode === 'BEARER_TOKEN', {
        detail: { secondFactor: 'enrolled' },
        within: async (tx) => {
          await spendChallenge(tx, challenge.id, now);
          const enrolled = await tx.user.updateMany({
            where: { id: user.id, mfaSecret: null },
            data: {
              mfaSecret: challenge.pendingSecret, secondFactorEnrolledAt: now, secondFactorLastStep: step,
              secondFactorFailures: 0, secondFactorPausedUntil: null,
            },
          });
          if (enrolled.count !== 1) throw ValidationError.field(['input', 'challenge'], CHALLENGE_ENDED);
          await storeRecoveryCodes(tx, user, hashes, now);
          await recordAudit(tx, ctx, {
            action: 'account.second_factor_enrolled',
            actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
            subjectType: 'User', subjectId: user.id,
          });
        },
      });
      return { ...outcome, recoveryCodes: codes };
    },
  }),
);
