// Progress on stderr: rows per table, rewritten at most twice a second, and a line per phase.
export class Progress {
  private readonly counts = new Map<string, number>();
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly quiet = false) {}

  phase(text: string): void {
    if (!this.quiet) process.stderr.write(`\n[${this.elapsed()}] ${text}\n`);
  }

  add(table: string, n: number): void {
    this.set(table, (this.counts.get(table) ?? 0) + n);
  }

  set(table: string, n: number): void {
    this.counts.set(table, n);
    const now = Date.now();
    if (this.quiet || now - this.last < 500) return;
    this.last = now;
    process.stderr.write(`\r[${this.elapsed()}] ${table}: ${n.toLocaleString('en-GB')} rows\x1b[K`);
  }

  elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)}s`;
  }

  seconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}
