// Runs the deadline sweep on a timer in the server process. The deadlines are rows, so a restart
// loses nothing: the first sweep after it catches up, in order. Several server processes may run
// it at once; the sweep's row locks keep each deadline handled exactly once.
import type { Database } from '@wraparound/prisma';
import { sweepDeadlines } from '@wraparound/schema';

export function startDeadlineSweeper(db: Database, intervalMs: number, log: (line: string) => void, now: () => Date = () => new Date()) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const { handled } = await sweepDeadlines(db, now());
      if (handled > 0) log(`deadline sweep: handled ${handled}`);
    } catch (error) {
      log(`deadline sweep failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
