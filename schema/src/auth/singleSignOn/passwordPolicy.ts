// An organisation may sign in only through its identity provider ("passwords disabled"): its
// leavers are then locked out by their own IT the day they go, with nothing to remember here.
// A right password for such an account is refused with a message that points to the other way
// in; a wrong one is refused as any wrong password is, so nothing is learnt without it.
import type { User } from '@wraparound/prisma';
import { recordAudit } from '../../audit/record.ts';
import { builder } from '../../builder.ts';
import { ErrorInterface } from '../../common/errors.ts';
import type { Context } from '../../context.ts';

export class PasswordSignInDisabledError extends Error {
  constructor() {
    super('Your organisation signs in to Wraparound with its own account, not a password: choose “Sign in with your organisation’s account”.');
    this.name = 'PasswordSignInDisabledError';
  }
}

builder.objectType(PasswordSignInDisabledError, { name: 'PasswordSignInDisabledError', interfaces: [ErrorInterface], fields: () => ({}) });

/** Throws (and audits) when the person's organisation has turned passwords off. */
export async function refuseDisabledPassword(ctx: Context, user: Pick<User, 'id' | 'partnershipId' | 'organisationId'>) {
  const provider = await ctx.db.organisationSingleSignOn.findUnique({ where: { organisationId: user.organisationId }, select: { passwordsDisabled: true } });
  if (!provider?.passwordsDisabled) return;
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'session.login_failed',
      actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
      detail: { knownAccount: true, reason: 'PASSWORDS_DISABLED' },
    }),
  );
  throw new PasswordSignInDisabledError();
}
