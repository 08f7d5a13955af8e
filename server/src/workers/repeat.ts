// Runs a background task on a timer in the server process: never two rounds at once, a failed
// round logged and retried on the next tick. `wake()` asks for a round now (a round already
// running is followed by one more), so work that announces itself need not wait for the timer.
export interface Repeating {
  (): void;
  /** Run a round as soon as possible. */
  wake(): void;
}

export function repeatEvery(intervalMs: number, name: string, round: () => Promise<void>, log: (line: string) => void): Repeating {
  let running = false;
  let again = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
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
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return Object.assign(stop, { wake: () => void tick() });
}
