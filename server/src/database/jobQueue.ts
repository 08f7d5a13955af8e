// The job queue is graphile-worker, on the same PostgreSQL: its own schema (graphile_worker),
// installed and upgraded by its migrations, which run after ours on every start.
import { Logger, run, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { DEADLINE_TASK, sweepDeadlines } from '@wraparound/schema';
import type { Database } from '@wraparound/prisma';

const quiet = new Logger(() => () => undefined);

export function migrateJobQueue(connectionString: string): Promise<void> {
  return runMigrations({ connectionString, logger: quiet });
}

export interface JobWorker {
  /** Waits for a running job, then closes the worker's connections. */
  stop(): Promise<void>;
}

/**
 * Runs the queue's worker in this process. A deadline's job only prompts the sweep, which does
 * the work under its own row locks: a job run twice, late, or after its deadline was cancelled
 * changes nothing.
 *
 * The worker gets a pool of ours: given only a connection string, graphile-worker makes its own,
 * and on stop removes that pool's 'error' listener and ends it without waiting; a connection the
 * database then closed (the embedded PostgreSQL stopping next) was an unhandled 'error' event,
 * and a graceful SIGTERM ended with exit code 1.
 */
export async function startJobWorker(db: Database, connectionString: string, log: (line: string) => void, now: () => Date = () => new Date()): Promise<JobWorker> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  const lost = (error: Error) => log(`[jobs] database connection lost: ${error.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const runner = await run({
    pgPool: pool,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: new Logger(() => (level, message) => {
      if (level === 'error' || level === 'warning') log(`[jobs] ${message}`);
    }),
    taskList: {
      [DEADLINE_TASK]: async () => {
        await sweepDeadlines(db, now());
      },
    },
  }).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  return {
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}
