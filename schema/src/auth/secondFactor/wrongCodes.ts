// Wrong codes are counted per account, not per challenge: someone who has the password cannot
// guess codes by signing in again. Enough wrong codes in a row pause sign-in for the lock-out
// period, and the account's holder is told (someone has their password).
import type { User } from '@wraparound/prisma';
import { recordAudit } from '../../audit/record.ts';
import { ValidationError } from '../../common/failures.ts';
import { newReference } from '../../common/references.ts';
import type { Context } from '../../context.ts';
import { announce } from '../../notifications/rules.ts';
import { AccountLockedError } from '../login.mutation.ts';

export function refuseWhilePaused(user: Pick<User, 'secondFactorPausedUntil'>, now: Date) {
  if (user.secondFactorPausedUntil && user.secondFactorPausedUntil > now) throw new AccountLockedError(user.secondFactorPausedUntil);
}

const actorOf = (user: User) => ({ userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId });

/** Counts a wrong code and refuses it: against the field, or with the pause it has just caused. */
export async function refuseWrongCode(ctx: Context, user: User, field: string[], message: string): Promise<never> {
  const now = ctx.now();
  const pausedUntil = await ctx.db.$transaction(async (tx) => {
    const { secondFactorFailures } = await tx.user.update({
      where: { id: user.id }, data: { secondFactorFailures: { increment: 1 } }, select: { secondFactorFailures: true },
    });
    await recordAudit(tx, ctx, { action: 'session.second_factor_failed', actor: actorOf(user), subjectType: 'User', subjectId: user.id, detail: { field: field.at(-1)! } });
    if (secondFactorFailures < ctx.auth.lockoutThreshold) return null;
    const until = new Date(now.getTime() + ctx.auth.lockoutMinutes * 60_000);
    await tx.user.update({ where: { id: user.id }, data: { secondFactorFailures: 0, secondFactorPausedUntil: until } });
    await recordAudit(tx, ctx, { action: 'account.second_factor_paused', actor: actorOf(user), subjectType: 'User', subjectId: user.id });
    await announce(tx, 'SECOND_FACTOR_PAUSED', { userId: user.id }, {
      partnershipId: user.partnershipId, subjectType: 'User', subjectId: user.id, reference: newReference('SEC'), actorUserId: null, at: now,
    });
    return until;
  });
  throw pausedUntil ? new AccountLockedError(pausedUntil) : ValidationError.field(field, message);
}
