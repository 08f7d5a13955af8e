// Builds each request's context: who is signed in (from the bearer token or the session cookie),
// the clock, and the way to set or clear the session cookie on the response.
import type { Database } from '@wraparound/prisma';
import type { AuthSettings, Context, LiveNotifications } from '@wraparound/schema';
import { resumeSession } from '@wraparound/schema';
import { readCookie, serialiseSessionCookie, sessionCookieName } from './cookies.ts';

export interface ContextDeps {
  db: Database;
  auth: AuthSettings;
  secureCookies: boolean;
  now: () => Date;
  live: LiveNotifications | null;
}

/** Set-Cookie values each response must carry, keyed by its request. */
export const pendingCookies = new WeakMap<Request, string[]>();

function sessionToken(request: Request, secure: boolean): string | null {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? match[1]! : null;
  }
  return readCookie(request.headers.get('cookie'), sessionCookieName(secure));
}

export async function buildContext(deps: ContextDeps, request: Request, ipAddress: string | null): Promise<Context> {
  const now = deps.now;
  const token = sessionToken(request, deps.secureCookies);
  const lookup = token ? await resumeSession(deps.db, token, deps.auth, now()) : null;
  const cookies: string[] = [];
  pendingCookies.set(request, cookies);
  return {
    db: deps.db,
    viewer: lookup?.viewer ?? null,
    sessionProblem: lookup?.problem ?? null,
    now,
    auth: deps.auth,
    request: { ipAddress, userAgent: request.headers.get('user-agent') },
    setSessionCookie: (value, expiresAt) => cookies.push(serialiseSessionCookie(deps.secureCookies, value, expiresAt)),
    clearSessionCookie: () => cookies.push(serialiseSessionCookie(deps.secureCookies, '', null)),
    live: deps.live,
  };
}
