// Failed sign-ins slow further attempts down, with pauses that grow, counted three ways:
// - one account from one network address (someone guessing a password): pauses after a few;
// - one network address across accounts (someone trying many accounts): pauses after more;
// - one account across addresses (a spread-out guess): pauses after many.
// A pause is short at first and doubles with each further failure, up to a ceiling; there is no
// hard lock an attacker elsewhere can trigger for a known user, because the tight limit is per
// account *and* address. Counts live in PostgreSQL (rate-limiter-flexible's Prisma store), so
// every server process sees the same ones. Keys are digests: no address or email is stored.
// A refusal reads the same whether or not the address has an account.
import type { Database } from '@wraparound/prisma';
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { AuthSettings } from '../context.ts';
import { digest } from './sessions.ts';

/** How many failures each count allows before pauses start, and over what window it counts. */
function dimensions(settings: AuthSettings) {
  return {
    accountAtAddress: { points: settings.lockoutThreshold, windowSeconds: 60 * 60 },
    address: { points: settings.addressFailureLimit, windowSeconds: 60 * 60 },
    account: { points: settings.accountFailureLimit, windowSeconds: 60 * 60 },
  } as const;
}
type Dimension = keyof ReturnType<typeof dimensions>;

interface Limiters {
  failures: Record<Dimension, RateLimiterPrisma>;
  pauses: RateLimiterPrisma;
}

const limitersByDatabase = new WeakMap<Database, Map<string, Limiters>>();

function limitersFor(db: Database, settings: AuthSettings): Limiters {
  const settingsKey = JSON.stringify(settings);
  let byDb = limitersByDatabase.get(db);
  if (!byDb) limitersByDatabase.set(db, (byDb = new Map()));
  let limiters = byDb.get(settingsKey);
  if (!limiters) {
    const store = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPrisma({ storeClient: db, tableName: 'signInLimit', keyPrefix, points, duration });
    const d = dimensions(settings);
    limiters = {
      failures: {
        accountAtAddress: store('fail-aa', d.accountAtAddress.points, d.accountAtAddress.windowSeconds),
        address: store('fail-a', d.address.points, d.address.windowSeconds),
        account: store('fail-u', d.account.points, d.account.windowSeconds),
      },
      pauses: store('pause', 1, 1),
    };
    byDb.set(settingsKey, limiters);
  }
  return limiters;
}

function keysOf(email: string, address: string | null): Record<Dimension, string> {
  const where = address ?? 'unknown';
  return {
    accountAtAddress: digest(`sign-in:${email}:${where}`),
    address: digest(`sign-in-address:${where}`),
    account: digest(`sign-in:${email}`),
  };
}

/** When sign-in for this email from this address may next be tried, if it is paused now. */
export async function pausedUntil(db: Database, settings: AuthSettings, email: string, address: string | null): Promise<Date | null> {
  const { pauses } = limitersFor(db, settings);
  const waits = await Promise.all(
    Object.values(keysOf(email, address)).map(async (key) => (await pauses.get(key))?.msBeforeNext ?? 0),
  );
  const longest = Math.max(0, ...waits);
  return longest > 0 ? new Date(Date.now() + longest) : null;
}

export interface FailureCounted {
  /** The end of the pause this failure starts, if it starts one. */
  pausedUntil: Date | null;
  /** This failure starts the first pause on the account (from one address or from all): the
   * account's holder should hear of it, once, not at every doubling. */
  accountFirstPaused: boolean;
}

/** Counts a failure in each of the three counts, and starts or lengthens their pauses. */
export async function recordFailure(db: Database, settings: AuthSettings, email: string, address: string | null): Promise<FailureCounted> {
  const { failures, pauses } = limitersFor(db, settings);
  const keys = keysOf(email, address);
  const d = dimensions(settings);
  let longestSeconds = 0;
  let accountFirstPaused = false;
  for (const dimension of Object.keys(keys) as Dimension[]) {
    const counted = await failures[dimension].penalty(keys[dimension], 1);
    const beyond = counted.consumedPoints - d[dimension].points;
    if (beyond < 0) continue;
    // The first pause at the limit, doubling with each failure after it, up to the ceiling.
    const seconds = Math.min(settings.firstPauseSeconds * 2 ** Math.min(beyond, 30), settings.lockoutMinutes * 60);
    await pauses.block(keys[dimension], seconds);
    longestSeconds = Math.max(longestSeconds, seconds);
    if (beyond === 0 && dimension !== 'address') accountFirstPaused = true;
  }
  return { pausedUntil: longestSeconds > 0 ? new Date(Date.now() + longestSeconds * 1000) : null, accountFirstPaused };
}

/** A successful sign-in ends the count for this account from this address (the others go on:
 * one right password does not excuse a hundred wrong ones for other accounts). */
export async function clearFailures(db: Database, settings: AuthSettings, email: string, address: string | null) {
  const { failures, pauses } = limitersFor(db, settings);
  const key = keysOf(email, address).accountAtAddress;
  await failures.accountAtAddress.delete(key);
  await pauses.delete(key);
}

/** A new password (set through a one-time link) ends the account's own count and pause too;
 * the pauses of addresses that were guessing stay. */
export async function clearAccountFailures(db: Database, settings: AuthSettings, email: string, address: string | null) {
  const { failures, pauses } = limitersFor(db, settings);
  const key = keysOf(email, address).account;
  await failures.account.delete(key);
  await pauses.delete(key);
  await clearFailures(db, settings, email, address);
}
