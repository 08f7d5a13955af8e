// The outbox to a benchmark itself. A reused county database collects a backlog of emails nobody
// delivers: each sweep of its deadlines (the generated stages' own, as days pass, and the sweep
// benchmark's) announces events, and no delivery worker runs between benchmarks. Measuring
// delivery behind that backlog would measure the backlog, so for the length of a benchmark the
// emails already waiting are parked (due in the year 9999), and put back afterwards. Parked rows
// are listed in a table of their own, so a run that stops half way is put right by the next one.
import type pg from 'pg';

const PARKED_UNTIL = '9999-01-01T00:00:00Z';

export async function withOwnOutbox<T>(pool: pg.Pool, run: () => Promise<T>): Promise<T> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_parked_email (id uuid PRIMARY KEY, "nextAttemptAt" timestamptz(3) NOT NULL)`);
  await unpark(pool);
  await pool.query(
    `WITH parked AS (
       INSERT INTO bench_parked_email (id, "nextAttemptAt")
       SELECT id, "nextAttemptAt" FROM notification WHERE channel = 'EMAIL' AND status IN ('PENDING', 'SENDING')
       RETURNING id)
     UPDATE notification n SET "nextAttemptAt" = $1 FROM parked WHERE parked.id = n.id`, [PARKED_UNTIL]);
  try {
    return await run();
  } finally {
    await unpark(pool);
  }
}

async function unpark(pool: pg.Pool) {
  await pool.query(
    `WITH back AS (DELETE FROM bench_parked_email RETURNING id, "nextAttemptAt")
     UPDATE notification n SET "nextAttemptAt" = back."nextAttemptAt" FROM back WHERE back.id = n.id`);
}
