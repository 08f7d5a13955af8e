// Enrolment at first sign-in, step one: a new authenticator secret for the person who has just
// given their password, as a QR code to scan and as text to type (for anyone who cannot scan).
// Asking again with the same challenge shows the same secret, so a reloaded page still matches
// the app. The secret is only kept for the person once a code from it is confirmed.
import { z } from 'zod';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../common/failures.ts';
import { parseInput } from '../../common/validation.ts';
import { liveChallenge } from './challenge.ts';
import { ChallengeRule } from './inputs.ts';
import { seal, unseal } from './sealing.ts';
import { enrolmentOf, newSecret } from './totp.ts';

const Input = builder.inputType('SecondFactorEnrolInput', {
  fields: (t) => ({ challenge: t.string({ description: 'From SecondFactorEnrolmentRequired.' }) }),
});

const Enrolment = builder.objectRef<{ secret: string; otpauthUri: string; qrCode: string }>('SecondFactorEnrolment').implement({
  description: 'What an authenticator app needs. Shown once, while enrolling.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The key in base32, to type into the app instead of scanning.' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'The otpauth:// address the QR code holds.' }),
    qrCode: t.exposeString('qrCode', { description: 'The QR code as an SVG data URL, for an <img>.' }),
  }),
});

builder.mutationField('secondFactorEnrol', (t) =>
  t.field({
    type: Enrolment,
    description: 'Start setting up an authenticator app during sign-in. Available without a session, with a challenge.',
    skipTypeScopes: true,
    errors: { types: [ValidationError], directResult: true, union: { name: 'SecondFactorEnrolResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(z.object({ challenge: ChallengeRule }), input);
      const challenge = await liveChallenge(ctx, data.challenge);
      const { user } = challenge;
      if (user.mfaSecret) throw ValidationError.field(['input', 'challenge'], 'You have already set up an authenticator app. Sign in again.');
      const key = ctx.auth.secondFactorKey;
      if (challenge.pendingSecret) return enrolmentOf(unseal(key, user.id, challenge.pendingSecret), user.email);

      const secret = newSecret();
      const offered = await ctx.db.$transaction(async (tx) => {
        // Two requests at once offer one secret: whichever writes first.
        const set = await tx.secondFactorChallenge.updateMany({ where: { id: challenge.id, pendingSecret: null }, data: { pendingSecret: seal(key, user.id, secret) } });
        if (set.count !== 1) return null;
        await recordAudit(tx, ctx, {
          action: 'account.second_factor_offered',
          actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
          subjectType: 'User', subjectId: user.id,
        });
        return secret;
      });
      if (offered) return enrolmentOf(offered, user.email);
      const again = await ctx.db.secondFactorChallenge.findUniqueOrThrow({ where: { id: challenge.id } });
      return enrolmentOf(unseal(key, user.id, again.pendingSecret!), user.email);
    },
  }),
);
