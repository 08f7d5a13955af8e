// Between a right password and a right code. Where a second factor is required, the password
// alone does not sign in: login answers with a challenge, a short-lived single-use token that can
// do nothing but enrol an authenticator or present a code (only its SHA-256 is stored). It
// remembers how the session will be carried (cookie or bearer token) once the code is right.
import type { DatabaseTx, Organisation, User } from '@wraparound/prisma';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../common/failures.ts';
import type { Context } from '../../context.ts';
import { digest, newSessionToken } from '../sessions.ts';
import { secondFactorRequired } from './policy.ts';

export const CHALLENGE_MINUTES = 10;
export type SessionModeName = 'COOKIE' | 'BEARER_TOKEN';

abstract class Challenge extends Error {
  constructor(
    message: string,
    readonly challenge: string,
    readonly expiresAt: Date,
  ) {
    super(message);
  }
}

/** The person has an authenticator: the next step is secondFactorVerify. */
export class SecondFactorRequired extends Challenge {
  constructor(challenge: string, expiresAt: Date) {
    super('Enter the code from your authenticator app.', challenge, expiresAt);
    this.name = 'SecondFactorRequired';
  }
}

/** The person has none yet: the next steps are secondFactorEnrol and secondFactorConfirm. */
export class SecondFactorEnrolmentRequired extends Challenge {
  constructor(challenge: string, expiresAt: Date) {
    super('Set up an authenticator app to finish signing in.', challenge, expiresAt);
    this.name = 'SecondFactorEnrolmentRequired';
  }
}

function challengeType(type: typeof SecondFactorRequired | typeof SecondFactorEnrolmentRequired, name: string, description: string) {
  builder.objectType(type, {
    name,
    description,
    fields: (t) => ({
      message: t.exposeString('message'),
      challenge: t.exposeString('challenge', { description: `For the next step; works once, for ${CHALLENGE_MINUTES} minutes.` }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    }),
  });
}
challengeType(SecondFactorRequired, 'SecondFactorRequired', 'The password was right; a code from the authenticator app finishes signing in.');
challengeType(SecondFactorEnrolmentRequired, 'SecondFactorEnrolmentRequired', 'The password was right; setting up an authenticator app finishes signing in.');

/**
 * Called by login once the password is right: the challenge to answer instead of a session, or
 * null when this person signs in with their password alone.
 */
export async function secondFactorChallenge(
  ctx: Context,
  user: User & { organisation: Organisation },
  sessionMode: SessionModeName,
): Promise<Challenge | null> {
  const partnership = await ctx.db.partnership.findUniqueOrThrow({ where: { id: user.partnershipId }, select: { secondFactorRequired: true } });
  if (!secondFactorRequired(user, user.organisation, partnership)) return null;
  const now = ctx.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  const enrolled = user.mfaSecret !== null;
  await ctx.db.$transaction(async (tx) => {
    const challenge = await tx.secondFactorChallenge.create({
      data: { partnershipId: user.partnershipId, userId: user.id, tokenHash: digest(token), sessionMode, createdAt: now, expiresAt },
    });
    await recordAudit(tx, ctx, {
      action: 'session.second_factor_asked',
      actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
      subjectType: 'SecondFactorChallenge', subjectId: challenge.id,
      detail: { enrolled },
    });
  });
  return enrolled ? new SecondFactorRequired(token, expiresAt) : new SecondFactorEnrolmentRequired(token, expiresAt);
}

export const CHALLENGE_ENDED = 'Your sign-in has timed out or has already been used. Sign in again.';

/** The live challenge for a token, with its person; a field error for anything else. */
export async function liveChallenge(ctx: Context, token: string) {
  const challenge = await ctx.db.secondFactorChallenge.findUnique({ where: { tokenHash: digest(token) }, include: { user: { include: { organisation: true } } } });
  const now = ctx.now();
  if (!challenge || challenge.usedAt || challenge.expiresAt <= now || !challenge.user.active || !challenge.user.organisation.active) {
    throw ValidationError.field(['input', 'challenge'], CHALLENGE_ENDED);
  }
  return challenge;
}

/** Uses the challenge up, in the transaction that opens the session: a second use finds it used. */
export async function spendChallenge(tx: DatabaseTx, challengeId: string, now: Date) {
  const spent = await tx.secondFactorChallenge.updateMany({ where: { id: challengeId, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) throw ValidationError.field(['input', 'challenge'], CHALLENGE_ENDED);
}
