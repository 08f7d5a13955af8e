// A person sets their password with the one-time link from their administrator (a new account,
// or a forgotten password). Available without a session, like login. Whatever is wrong with the
// link (unknown, used, replaced, expired) the answer is the same, so it reveals nothing. Setting a
// password ends the person's other sessions and lifts a lock-out.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { hashPassword } from './passwords.ts';
import { digest } from './sessions.ts';
import { clearAccountFailures } from './throttle.ts';

const AccountActivateInput = builder.inputType('AccountActivateInput', {
  fields: (t) => ({
    token: t.string({ description: 'From the link the administrator gave you.' }),
    password: t.string({ description: 'At least 12 characters; a few words you will remember work well.' }),
  }),
});

const Rules = z.object({
  token: z.string().min(1, 'The link is incomplete: open the whole link you were given').max(200, 'The link is not valid'),
  password: z.string().min(12, 'Your password must be at least 12 characters').max(1024, 'Your password must be 1,024 characters or fewer'),
});

const BAD_LINK = 'This link has expired or has been used. Ask your partnership administrator for a new one.';

const AccountActivateSuccess = builder.objectRef<{ email: string }>('AccountActivateSuccess').implement({
  fields: (t) => ({ email: t.exposeString('email', { description: 'Sign in with this address and your new password.' }) }),
});

builder.mutationField('accountActivate', (t) =>
  t.field({
    type: AccountActivateSuccess,
    description: 'Set your password with a one-time link. Available without a session.',
    skipTypeScopes: true,
    errors: { types: [ValidationError], directResult: true, union: { name: 'AccountActivateResult' } },
    args: { input: t.arg({ type: AccountActivateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const data = parseInput(Rules, input);
      const now = ctx.now();
      const invitation = await ctx.db.accountInvitation.findUnique({ where: { tokenHash: digest(data.token) }, include: { user: true } });
      if (!invitation || invitation.usedAt || invitation.expiresAt <= now || !invitation.user.active) {
        throw ValidationError.field(['input', 'token'], BAD_LINK);
      }
      const user = invitation.user;
      const local = user.email.split('@')[0]!;
      if (local.length >= 4 && data.password.toLowerCase().includes(local)) {
        throw ValidationError.field(['input', 'password'], 'Your password must not contain your email address');
      }
      const passwordHash = await hashPassword(data.password);
      await ctx.db.$transaction(async (tx) => {
        // Used once: a second request with the same link finds it used.
        const claimed = await tx.accountInvitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
        if (claimed.count !== 1) throw ValidationError.field(['input', 'token'], BAD_LINK);
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, lockedUntil: null } });
        await tx.session.updateMany({ where: { userId: user.id, endedAt: null }, data: { endedAt: now, endReason: 'password set' } });
        await recordAudit(tx, ctx, {
          action: 'account.password_set', actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId },
          subjectType: 'User', subjectId: user.id,
        });
      });
      await clearAccountFailures(ctx.db, ctx.auth, user.email, ctx.request.ipAddress);
      return { email: user.email };
    },
  }),
);
