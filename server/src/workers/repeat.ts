// Runs a background task on a timer in the server process: never two rounds at once, a failed
// round logged and retried on the next tick. `wake()` asks for a round now (a round already
// running is followed by one more), so work that announces itself need not wait for the timer.
export interface Repeating {
  /** Stops the timer; resolves once a round already running has finished. */
  (): Promise<void>;
  /** Run a round as soon as possible. */
  wake(): void;
}

export function repeatEvery(intervalMs: number, name: string, round: () => Promise<void>, log: (line: string) => void): Repeating {
  let running = false;
  let again = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const rounds = async () => {
    try {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    } catch (error) {
      log(`${name} failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = rounds();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    return current;
  };
  return Object.assign(stop, { wake: tick });
}
