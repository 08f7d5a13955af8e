// Runs the deadline sweep on a timer in the server process. The deadlines are rows, so a restart
// loses nothing: the first sweep after it catches up, in order. Several server processes may run
// it at once; the sweep's row locks keep each deadline handled exactly once.
import type { Database } from '@wraparound/prisma';
import { sweepDeadlines } from '@wraparound/schema';
import { repeatEvery } from './repeat.ts';

export function startDeadlineSweeper(db: Database, intervalMs: number, log: (line: string) => void, now: () => Date = () => new Date()) {
  return repeatEvery(intervalMs, 'deadline sweep', async () => {
    const { handled } = await sweepDeadlines(db, now());
    if (handled > 0) log(`deadline sweep: handled ${handled}`);
  }, log);
}
