// Sign-in, second step: the code the authenticator app shows now, or one of the recovery codes
// (a lost phone). A code is good once; wrong ones count towards a pause (wrongCodes.ts).
import { z } from 'zod';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../common/failures.ts';
import { parseInput } from '../../common/validation.ts';
import { AccountLockedError, LoginSuccess } from '../login.mutation.ts';
import { openSession } from '../sessionOpen.ts';
import { CHALLENGE_ENDED, liveChallenge, spendChallenge } from './challenge.ts';
import { ChallengeRule, CodeRule, USED_CODE, WRONG_CODE } from './inputs.ts';
import { spendRecoveryCode } from './recoveryCodes.ts';
import { unseal } from './sealing.ts';
import { acceptedStep } from './totp.ts';
import { refuseWhilePaused, refuseWrongCode } from './wrongCodes.ts';

const Input = builder.inputType('SecondFactorVerifyInput', {
  description: 'The code from the app, or a recovery code: one of the two.',
  fields: (t) => ({
    challenge: t.string({ description: 'From SecondFactorRequired.' }),
    code: t.string({ required: false, description: 'The 6-digit code the app shows now.' }),
    recoveryCode: t.string({ required: false, description: 'One of the recovery codes given at enrolment.' }),
  }),
});

const Rules = z.object({
  challenge: ChallengeRule,
  code: CodeRule.nullish(),
  recoveryCode: z.string().trim().min(1, 'Enter a recovery code').max(40, 'A recovery code is 11 characters, like abcde-fghjk').nullish(),
});

const WRONG_RECOVERY_CODE = 'This recovery code is not right, or it has been used. Each recovery code works once.';

builder.mutationField('secondFactorVerify', (t) =>
  t.field({
    type: LoginSuccess,
    description: 'Finish signing in with a code from the authenticator app or a recovery code. Available without a session, with a challenge.',
    skipTypeScopes: true,
    errors: { types: [ValidationError, AccountLockedError], directResult: true, union: { name: 'SecondFactorVerifyResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(Rules, input);
      if (!data.code && !data.recoveryCode) throw ValidationError.field(['input', 'code'], 'Enter the 6-digit code from your authenticator app');
      if (data.code && data.recoveryCode) throw ValidationError.field(['input', 'recoveryCode'], 'Enter the code from your app or a recovery code, not both');
      const challenge = await liveChallenge(ctx, data.challenge);
      const { user } = challenge;
      const now = ctx.now();
      refuseWhilePaused(user, now);
      if (!user.mfaSecret) throw ValidationError.field(['input', 'challenge'], CHALLENGE_ENDED);

      let step: number | null = null;
      if (data.code) {
        step = await acceptedStep(unseal(ctx.auth.secondFactorKey, user.id, user.mfaSecret), data.code, now, null);
        if (step === null) return refuseWrongCode(ctx, user, ['input', 'code'], WRONG_CODE);
        if (user.secondFactorLastStep !== null && step <= user.secondFactorLastStep) return refuseWrongCode(ctx, user, ['input', 'code'], USED_CODE);
      } else if (!(await spendRecoveryCode(ctx.db, user.id, data.recoveryCode!, now))) {
        return refuseWrongCode(ctx, user, ['input', 'recoveryCode'], WRONG_RECOVERY_CODE);
      }

      return openSession(ctx, user, challenge.sessionMode === 'BEARER_TOKEN', {
        detail: { secondFactor: step !== null ? 'code' : 'recovery_code' },
        within: async (tx) => {
          await spendChallenge(tx, challenge.id, now);
          if (step !== null) {
            // Only a step later than the last one accepted: the same code sent twice at once signs in once.
            const fresh = await tx.user.updateMany({
              where: { id: user.id, OR: [{ secondFactorLastStep: null }, { secondFactorLastStep: { lt: step } }] },
              data: { secondFactorLastStep: step, secondFactorFailures: 0 },
            });
            if (fresh.count !== 1) throw ValidationError.field(['input', 'code'], USED_CODE);
          } else {
            await tx.user.update({ where: { id: user.id }, data: { secondFactorFailures: 0 } });
            await recordAudit(tx, ctx, {
              action: 'account.recovery_code_used',
              actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
              subjectType: 'User', subjectId: user.id,
            });
          }
        },
      });
    },
  }),
);
