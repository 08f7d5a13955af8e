// Invitations: a one-time token for a person to set their own password. The administrator is
// given the token once (to send the person the link); only its SHA-256 is stored, so neither the
// database nor an email outbox holds anything that sets a password. Issuing a new one retires the
// old ones; using one retires it.
import type { DatabaseTx } from '@wraparound/prisma';
import { digest, newSessionToken } from '../auth/sessions.ts';
import { builder } from '../builder.ts';

export const INVITATION_DAYS = 7;
/** What an account that has not set a password holds instead of a hash: never verifies. */
export const NO_PASSWORD = '!invited';

export async function issueInvitation(tx: DatabaseTx, user: { id: string; partnershipId: string }, createdById: string, now: Date) {
  await tx.accountInvitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await tx.accountInvitation.create({ data: { partnershipId: user.partnershipId, userId: user.id, tokenHash: digest(token), createdById, expiresAt } });
  return { token, expiresAt };
}

export const InvitationType = builder.objectRef<{ token: string; expiresAt: Date }>('AccountInvitation').implement({
  description: 'Shown once: give the person the link with this token; it works once, until it expires.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});
