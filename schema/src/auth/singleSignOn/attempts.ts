// A single sign-on from its start to the identity provider sending the person back. Which
// provider: the organisation named in the link (an intranet's "Sign in to Wraparound"), or the
// one whose email domain matches the address the person typed. The domain, not the person's
// account, decides, so the answer is the same for every address at it and tells nobody without
// a session who has an account. The browser holds a random token for the attempt; the state,
// nonce and PKCE verifier stay here, are checked on return, and work once, for a few minutes.
import type { Database, OrganisationSingleSignOn } from '@wraparound/prisma';
import { digest, newSessionToken } from '../sessions.ts';
import { normaliseDomain } from './rules.ts';

export const ATTEMPT_MINUTES = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The identity provider for an organisation id or an email address; null when there is none
 * (or the organisation is deactivated). */
export async function findProvider(db: Database, by: { organisation?: string | null; email?: string | null }): Promise<OrganisationSingleSignOn | null> {
  const active = { organisation: { active: true } };
  if (by.organisation) {
    if (!UUID.test(by.organisation)) return null;
    return db.organisationSingleSignOn.findFirst({ where: { organisationId: by.organisation, ...active } });
  }
  const email = by.email?.trim() ?? '';
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > 320) return null;
  return db.organisationSingleSignOn.findFirst({ where: { emailDomains: { has: normaliseDomain(email.slice(at + 1)) }, ...active } });
}

export interface AttemptChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Records an attempt; returns the token for the browser's cookie. */
export async function beginAttempt(db: Database, organisationId: string, checks: AttemptChecks, now: Date): Promise<string> {
  const token = newSessionToken();
  // Attempts are worth nothing once expired: they are cleared as new ones begin.
  await db.singleSignOnAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.singleSignOnAttempt.create({
    data: { tokenHash: digest(token), organisationId, ...checks, createdAt: now, expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000) },
  });
  return token;
}

/** The attempt this browser began, used up by this call; null if unknown, expired or already used. */
export async function takeAttempt(db: Database, token: string | null, now: Date) {
  if (!token) return null;
  const tokenHash = digest(token);
  const { count } = await db.singleSignOnAttempt.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) return null;
  const attempt = await db.singleSignOnAttempt.findUniqueOrThrow({ where: { tokenHash } });
  const provider = await db.organisationSingleSignOn.findFirst({ where: { organisationId: attempt.organisationId, organisation: { active: true } } });
  return provider ? { ...attempt, provider } : null;
}
