// Sessions: an opaque random token goes to the client; only its SHA-256 is stored, so a copy of
// the database cannot be used to sign in. A session ends after a period without use, and in any
// case after a maximum lifetime.
import { createHash, randomBytes } from 'node:crypto';
import type { AgencyType, Database, DatabaseTx, Role } from '@wraparound/prisma';
import type { AuthSettings, SessionProblem, Viewer } from '../context.ts';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const MINUTE = 60_000;
/** Sliding expiry is written at most this often, so every request does not write a row. */
const TOUCH_INTERVAL_MS = MINUTE;
/** The end reason of a session that ran out of idle time (or reached its maximum lifetime). */
const EXPIRED_REASON = 'expired';

export async function startSession(
  tx: DatabaseTx,
  user: { id: string; partnershipId: string },
  settings: AuthSettings,
  now: Date,
  meta: { ipAddress: string | null; userAgent: string | null },
) {
  const token = newSessionToken();
  const absoluteExpiresAt = new Date(now.getTime() + settings.sessionMaxHours * 60 * MINUTE);
  const idle = new Date(now.getTime() + settings.sessionIdleMinutes * MINUTE);
  const session = await tx.session.create({
    data: {
      partnershipId: user.partnershipId,
      userId: user.id,
      tokenHash: digest(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: idle < absoluteExpiresAt ? idle : absoluteExpiresAt,
      absoluteExpiresAt,
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  return { token, session };
}

interface SessionRow {
  id: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  userId: string;
  partnershipId: string;
  organisationId: string;
  roles: Role[];
  userActive: boolean;
  agencyType: AgencyType;
  organisationActive: boolean;
}

export type SessionLookup = { viewer: Viewer; problem: null } | { viewer: null; problem: SessionProblem };

/** Finds the viewer for a presented token, extending the idle expiry of a live session. */
export async function resumeSession(
  db: Database,
  token: string,
  settings: AuthSettings,
  now: Date,
): Promise<SessionLookup> {
  // One round trip (Prisma's include would take three): every request starts here.
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, s."expiresAt", s."absoluteExpiresAt", s."lastSeenAt", s."endedAt", s."endReason",
           u.id AS "userId", u."partnershipId", u."organisationId", u.roles::text[] AS roles, u.active AS "userActive",
           o."agencyType"::text AS "agencyType", o.active AS "organisationActive"
    FROM session s
    JOIN "user" u ON u.id = s."userId" AND u."partnershipId" = s."partnershipId"
    JOIN organisation o ON o.id = u."organisationId"
    WHERE s."tokenHash" = ${digest(token)}`;
  if (!session) return { viewer: null, problem: 'INVALID' };
  // A page sends several requests at once; whichever arrives first ends an idle session, and the
  // others must tell the person the same thing (not "sign in" as if they never had a session).
  if (session.endedAt) return { viewer: null, problem: session.endReason === EXPIRED_REASON ? 'EXPIRED' : 'INVALID' };
  if (session.expiresAt <= now) {
    await db.session.updateMany({
      where: { id: session.id, endedAt: null },
      data: { endedAt: now, endReason: EXPIRED_REASON },
    });
    return { viewer: null, problem: 'EXPIRED' };
  }
  if (!session.userActive || !session.organisationActive) return { viewer: null, problem: 'INVALID' };

  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const idle = new Date(now.getTime() + settings.sessionIdleMinutes * MINUTE);
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: idle < session.absoluteExpiresAt ? idle : session.absoluteExpiresAt },
    });
  }
  return {
    problem: null,
    viewer: {
      userId: session.userId,
      partnershipId: session.partnershipId,
      organisationId: session.organisationId,
      agencyType: session.agencyType,
      roles: session.roles,
      sessionId: session.id,
    },
  };
}

export async function endSession(tx: DatabaseTx, sessionId: string, now: Date, reason: string) {
  await tx.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}
