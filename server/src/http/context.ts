// Builds each request's context: who is signed in (from the bearer token or the session cookie),
// the clock, and the way to set or clear the session cookie on the response.
import type { Database } from '@wraparound/prisma';
import type { AuthSettings, Context, LiveNotifications } from '@wraparound/schema';
import { resumeSession, type SessionLookup } from '@wraparound/schema';
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

const sessionLookups = new WeakMap<Request, Promise<SessionLookup | null>>();

/** The session a request carries, looked up once per request however many steps ask. */
export function sessionOf(deps: ContextDeps, request: Request): Promise<SessionLookup | null> {
  let lookup = sessionLookups.get(request);
  if (!lookup) {
    const token = sessionToken(request, deps.secureCookies);
    lookup = token ? resumeSession(deps.db, token, deps.auth, deps.now()) : Promise.resolve(null);
    sessionLookups.set(request, lookup);
  }
  return lookup;
}

/** Whether the request is from an API client: a bearer token of a live session. */
export async function isSignedInApiClient(deps: ContextDeps, request: Request): Promise<boolean> {
  if (!/^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return false;
  return (await sessionOf(deps, request))?.viewer != null;
}

export async function buildContext(deps: ContextDeps, request: Request, ipAddress: string | null): Promise<Context> {
  const now = deps.now;
  const lookup = await sessionOf(deps, request);
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
