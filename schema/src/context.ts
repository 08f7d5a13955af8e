// What every resolver receives. The server builds it per request (server/src/http/context.ts);
// the schema package only describes it, so dependencies keep pointing one way.
import type { AgencyType, Database, Role } from '@wraparound/prisma';

/** The signed-in person, as the access rules need them. */
export interface Viewer {
  userId: string;
  partnershipId: string;
  organisationId: string;
  agencyType: AgencyType;
  roles: Role[];
  sessionId: string;
}

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failed sign-ins to one account from one address before sign-in pauses there. */
  lockoutThreshold: number;
  /** The longest a pause lasts, however many failures. */
  lockoutMinutes: number;
  /** The first pause; each further failure doubles it. */
  firstPauseSeconds: number;
  /** Failed sign-ins from one address, across accounts, in an hour before it pauses. */
  addressFailureLimit: number;
  /** Failed sign-ins to one account, from any address, in an hour before it pauses. */
  accountFailureLimit: number;
  /** 32 bytes (AES-256-GCM) sealing authenticator secrets at rest (auth/secondFactor/sealing.ts). */
  secondFactorKey: Buffer;
}

/** Why a request that presented a session token has no viewer. */
export type SessionProblem = 'EXPIRED' | 'INVALID';

/**
 * New in-app notifications as they are committed, from whichever server process wrote them (the
 * server implements it with PostgreSQL LISTEN/NOTIFY). Ids only: the subscriber re-reads each
 * one with its own permissions.
 */
export interface LiveNotifications {
  /** Resolves once notifications for `userId` will be heard; yields their ids until returned. */
  subscribe(userId: string): Promise<AsyncIterableIterator<string>>;
}

export interface Context {
  db: Database;
  viewer: Viewer | null;
  sessionProblem: SessionProblem | null;
  /** The clock: injectable so deadlines and expiry can be tested. */
  now(): Date;
  auth: AuthSettings;
  request: { ipAddress: string | null; userAgent: string | null };
  /** Issue the session cookie (browsers) once a sign-in succeeds; API clients use the token. */
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /** Live updates; null where the server runs without them. */
  live: LiveNotifications | null;
}
