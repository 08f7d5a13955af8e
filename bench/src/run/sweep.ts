// The deadline sweep under a burst: N deadlines fall due at the same moment and two sweepers (one
// per core) drain them, each deadline in its own transaction as the product does. Exactly once:
// every one ends DONE, and the sweepers' handled counts add up to N (a row taken twice would
// count twice).
import { createDatabaseClient } from '@wraparound/prisma';
import { sweepDeadlines } from '@wraparound/schema';
import type pg from 'pg';

export interface SweepResult {
  deadlines: number; sweepers: number; seconds: number; perSecond: number;
  /** Every deadline the sweepers handled, including generated ones that were due. */
  handled: number;
  /** The burst's deadlines marked DONE. */
  done: number;
  exactlyOnce: boolean;
  /** The sweep claims and handles one deadline per transaction. */
  deadlinesPerTransaction: number;
}

export async function benchmarkSweep(pool: pg.Pool, url: string, partnershipId: string, count: number, sweepers = 2): Promise<SweepResult> {
  const now = new Date();
  // Share and break-glass expiries: the kinds that fall due in bulk (the sweep marks them done;
  // access already ends by time in the read rules).
  await pool.query(
    `INSERT INTO deadline (id, "partnershipId", kind, "subjectId", key, "dueAt", state, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, 'SHARE_EXPIRY', gen_random_uuid(), 'bench-' || i, $2::timestamptz - interval '1 minute', 'PENDING', $2, $2
     FROM generate_series(1, $3) i`, [partnershipId, now, count]);
  const clients = Array.from({ length: sweepers }, () => createDatabaseClient(url, { poolMax: 2 }));
  const started = performance.now();
  const results = await Promise.all(clients.map((db) => sweepDeadlines(db, now)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((db) => db.$disconnect()));
  const handled = results.reduce((s, r) => s + r.handled, 0);
  // Generated stage deadlines that fell due during the run are swept too: count them on both sides.
  const { rows } = await pool.query(
    `SELECT count(*) FILTER (WHERE key LIKE 'bench-%')::int AS burst, count(*)::int AS "all" FROM deadline WHERE state = 'DONE' AND "handledAt" = $1`, [now]);
  return { deadlines: count, sweepers, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(count / seconds), handled, done: rows[0].burst, exactlyOnce: rows[0].burst === count && rows[0].all === handled, deadlinesPerTransaction: 1 };
}
