// Repeated failed sign-ins pause sign-in for an email address, whether or not an account has that
// address, so the refusal reveals nothing about who has an account.
import type { DatabaseTx } from '@wraparound/prisma';
import type { AuthSettings } from '../context.ts';
import { digest } from './sessions.ts';

export function emailDigest(email: string) {
  return digest(`login:${email}`);
}

export async function lockedUntil(tx: DatabaseTx, email: string, now: Date): Promise<Date | null> {
  const row = await tx.loginThrottle.findUnique({ where: { emailDigest: emailDigest(email) } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure; returns the time sign-in is paused until, when this failure locks it. */
export async function recordFailure(tx: DatabaseTx, email: string, settings: AuthSettings, now: Date) {
  const key = emailDigest(email);
  const windowStart = new Date(now.getTime() - settings.lockoutMinutes * 60_000);
  const row = await tx.loginThrottle.findUnique({ where: { emailDigest: key } });
  // Failures older than the lock-out window, or from before an earlier lock ended, start afresh.
  const stale = !row?.lastFailureAt || row.lastFailureAt < windowStart || (row.lockedUntil && row.lockedUntil <= now);
  const failures = (stale ? 0 : row.failures) + 1;
  const locks = failures >= settings.lockoutThreshold;
  const until = locks ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null;
  await tx.loginThrottle.upsert({
    where: { emailDigest: key },
    create: { emailDigest: key, failures, lastFailureAt: now, lockedUntil: until },
    update: { failures, lastFailureAt: now, lockedUntil: until },
  });
  return until;
}

export async function clearFailures(tx: DatabaseTx, email: string) {
  await tx.loginThrottle.deleteMany({ where: { emailDigest: emailDigest(email) } });
}
