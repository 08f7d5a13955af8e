// Runs a background task on a timer in the server process: never two rounds at once, a failed
// round logged and retried on the next tick. Returns a function that stops it.
export function repeatEvery(intervalMs: number, name: string, round: () => Promise<void>, log: (line: string) => void) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await round();
    } catch (error) {
      log(`${name} failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
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
