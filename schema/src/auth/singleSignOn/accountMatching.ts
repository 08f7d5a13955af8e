// Who a person coming back from their organisation's identity provider is in Wraparound. Accounts
// are made by the partnership administrator, never here: the provider vouches for an identity, it
// does not decide who may see children's records. A person is matched
//   - by the provider account linked to them at their first single sign-on (issuer and subject:
//     the subject never changes, an email address may be given to someone else later), or else
//   - by the email address the provider has verified (email_verified true), then linked.
// Either way they must belong to the organisation whose provider it is (a provider vouches for
// its own people only), and both must be active. Anything else is refused and audited.
import type { Database, OrganisationSingleSignOn } from '@wraparound/prisma';
import { recordAudit } from '../../audit/record.ts';
import type { AuthSettings, Context } from '../../context.ts';
import { startSession } from '../sessions.ts';

/** What the provider said about the person, from its verified ID token (and user info). */
export interface ProviderClaims {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
}

export type RefusalReason =
  /** The provider did not say the email address is verified (or gave none). */
  | 'EMAIL_NOT_VERIFIED'
  /** Nobody in Wraparound has that email address. */
  | 'NOT_REGISTERED'
  /** Somebody has, but in another organisation than the provider's. */
  | 'WRONG_ORGANISATION'
  /** The account, or its organisation, is deactivated. */
  | 'DEACTIVATED'
  /** The account is already linked to another account at this provider. */
  | 'LINKED_ELSEWHERE'
  /** The protocol failed: state, nonce, PKCE, the provider's answer, or an expired attempt. */
  | 'NOT_COMPLETED';

export type AuditContext = Pick<Context, 'viewer' | 'request' | 'now'>;

export type MatchOutcome =
  | { signedIn: true; token: string; expiresAt: Date }
  | { signedIn: false; reason: RefusalReason };

/** Records a refused single sign-on; `provider` is null when the attempt itself is unknown. */
export async function refuseSingleSignOn(
  db: Database,
  ctx: AuditContext,
  provider: Pick<OrganisationSingleSignOn, 'organisationId' | 'partnershipId'> | null,
  reason: RefusalReason,
  userId: string | null = null,
): Promise<MatchOutcome> {
  await db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'session.single_sign_on_refused',
      actor: provider ? { userId, partnershipId: provider.partnershipId, organisationId: provider.organisationId } : undefined,
      subjectType: userId ? 'User' : undefined,
      subjectId: userId ?? undefined,
      detail: { reason, knownAccount: userId !== null },
    }),
  );
  return { signedIn: false, reason };
}

export async function signInWithProvider(
  db: Database,
  ctx: AuditContext,
  settings: AuthSettings,
  provider: OrganisationSingleSignOn,
  claims: ProviderClaims,
): Promise<MatchOutcome> {
  const identity = await db.singleSignOnIdentity.findUnique({ where: { issuer_subject: { issuer: claims.iss, subject: claims.sub } } });
  let userId = identity?.userId;
  if (!userId) {
    if (claims.email_verified !== true || typeof claims.email !== 'string') return refuseSingleSignOn(db, ctx, provider, 'EMAIL_NOT_VERIFIED');
    const byEmail = await db.user.findUnique({ where: { email: claims.email.trim().toLowerCase() }, select: { id: true } });
    if (!byEmail) return refuseSingleSignOn(db, ctx, provider, 'NOT_REGISTERED');
    userId = byEmail.id;
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { organisation: true, singleSignOnIdentity: true } });
  if (user.organisationId !== provider.organisationId) return refuseSingleSignOn(db, ctx, provider, 'WRONG_ORGANISATION', user.id);
  // Another account at the same provider already holds this person: an address given to someone new.
  const linked = user.singleSignOnIdentity;
  if (!identity && linked && linked.issuer === claims.iss) return refuseSingleSignOn(db, ctx, provider, 'LINKED_ELSEWHERE', user.id);
  if (!user.active || !user.organisation.active) return refuseSingleSignOn(db, ctx, provider, 'DEACTIVATED', user.id);

  const now = ctx.now();
  const { token, session } = await db.$transaction(async (tx) => {
    const started = await startSession(tx, user, settings, now, ctx.request);
    const actor = { userId: user.id, partnershipId: user.partnershipId, organisationId: user.organisationId, sessionId: started.session.id };
    if (identity) {
      await tx.singleSignOnIdentity.update({ where: { id: identity.id }, data: { lastUsedAt: now } });
    } else {
      // First sign-on, or the organisation has moved to another provider: link this account.
      const link = { issuer: claims.iss, subject: claims.sub, linkedAt: now, lastUsedAt: now };
      await tx.singleSignOnIdentity.upsert({ where: { userId: user.id }, create: { ...link, userId: user.id, partnershipId: user.partnershipId }, update: link });
      await recordAudit(tx, ctx, {
        action: 'user.single_sign_on_linked', actor, subjectType: 'User', subjectId: user.id,
        detail: { issuer: claims.iss, issuerBefore: linked?.issuer ?? null },
      });
    }
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, ctx, {
      action: 'session.login', actor, subjectType: 'Session', subjectId: started.session.id,
      detail: { mode: 'cookie', method: 'single_sign_on', issuer: claims.iss },
    });
    return started;
  });
  return { signedIn: true, token, expiresAt: session.absoluteExpiresAt };
}
