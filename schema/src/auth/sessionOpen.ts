// The end of every successful sign-in: a new session, the sign-in recorded on the account and in
// the audit trail, and the token handed over as a cookie (browsers) or in the answer (API clients).
import type { DatabaseTx, User } from '@wraparound/prisma';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import type { Context } from '../context.ts';
import { startSession } from './sessions.ts';

export interface LoginOutcome {
  user: User;
  token: string | null;
  expiresAt: Date;
}

export async function openSession(
  ctx: Context,
  user: User,
  bearer: boolean,
  options: { detail?: AuditEntry['detail']; within?: (tx: DatabaseTx) => Promise<void> } = {},
): Promise<LoginOutcome> {
  const now = ctx.now();
  const { token, session } = await ctx.db.$transaction(async (tx) => {
    await options.within?.(tx);
    const started = await startSession(tx, user, ctx.auth, now, ctx.request);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now, lockedUntil: null } });
    await recordAudit(tx, ctx, {
      action: 'session.login',
      actor: { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId, sessionId: started.session.id },
      subjectType: 'Session',
      subjectId: started.session.id,
      detail: { mode: bearer ? 'bearer' : 'cookie', ...options.detail },
    });
    return started;
  });
  if (!bearer) ctx.setSessionCookie(token, session.absoluteExpiresAt);
  return { user, token: bearer ? token : null, expiresAt: session.expiresAt };
}
