// The job queue is graphile-worker, on the same PostgreSQL: its own schema (graphile_worker),
// installed and upgraded by its migrations, which run after ours on every start.
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
import { DEADLINE_TASK, sweepDeadlines } from '@wraparound/schema';
import type { Database } from '@wraparound/prisma';

const quiet = new Logger(() => () => undefined);

export function migrateJobQueue(connectionString: string): Promise<void> {
  return runMigrations({ connectionString, logger: quiet });
}

/**
 * Runs the queue's worker in this process. A deadline's job only prompts the sweep, which does
 * the work under its own row locks: a job run twice, late, or after its deadline was cancelled
 * changes nothing.
 */
export function startJobWorker(db: Database, connectionString: string, log: (line: string) => void, now: () => Date = () => new Date()): Promise<Runner> {
  return run({
    connectionString,
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
  });
}
