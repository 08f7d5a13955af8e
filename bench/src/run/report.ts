// The results, as JSON (everything) and a markdown table (what a person reads), under bench/results/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine.ts';
import type { LoadResult } from './load.ts';
import type { LatencyResult } from './notificationLatency.ts';
import type { OutboxResult } from './outbox.ts';
import type { SweepResult } from './sweep.ts';

export interface OperationResult {
  name: string;
  persona: string;
  note?: string;
  rows: number;
  sameAnswer: boolean;
  roundTrips: number;
  api: LoadResult;
  sql: LoadResult;
}

export interface BenchReport {
  date: string;
  scale: number;
  machine: Machine;
  settings: { connections: number; seconds: number; serverPool: number };
  generation: { seconds: number; rows: Record<string, number>; problems: string[] } | null;
  operations: OperationResult[];
  slowest: { name: string; sql: string; durationMs: number; plan: string } | null;
  sweep: SweepResult | null;
  outbox: OutboxResult | null;
  /** Event commit to email received, one event at a time, the worker woken by NOTIFY. */
  notificationLatency?: LatencyResult | null;
  /** When each part was measured: a run with --only keeps the other parts of the last report. */
  measured?: Partial<Record<Part, string>>;
}

type Part = 'reads' | 'sweep' | 'outbox' | 'notificationLatency';

/**
 * The parts this run did not measure, taken from the last report at the same scale with the date
 * they were measured, so `--only reads` after a full run still leaves a whole report.
 */
export function withEarlierParts(dir: string, report: BenchReport): BenchReport {
  const file = path.join(dir, `scale-${report.scale}.json`);
  const earlier: BenchReport | null = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const measured: Partial<Record<Part, string>> = {};
  const merged = { ...report };
  const take = (part: Part, ran: boolean, earlierHas: boolean, carry: () => void) => {
    if (ran) measured[part] = report.date;
    else if (earlier && earlierHas) {
      carry();
      measured[part] = earlier.measured?.[part] ?? earlier.date;
    }
  };
  take('reads', report.operations.length > 0, (earlier?.operations.length ?? 0) > 0, () => { merged.operations = earlier!.operations; merged.slowest = earlier!.slowest; });
  take('sweep', report.sweep !== null, Boolean(earlier?.sweep), () => { merged.sweep = earlier!.sweep; });
  take('outbox', report.outbox !== null, Boolean(earlier?.outbox), () => { merged.outbox = earlier!.outbox; });
  take('notificationLatency', Boolean(report.notificationLatency), Boolean(earlier?.notificationLatency), () => { merged.notificationLatency = earlier!.notificationLatency ?? null; });
  return { ...merged, measured };
}

const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
/** " (measured 2026-…)" after a part an earlier run measured. */
const when = (r: BenchReport, part: Part) => (r.measured?.[part] && r.measured[part] !== r.date ? ` (measured ${r.measured[part]})` : '');

export function toMarkdown(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    `# Wraparound benchmark, scale ${r.scale} (${r.date})`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; PostgreSQL ${m.postgres}; ${m.platform}.`,
    `Load: autocannon in a child process, ${r.settings.connections} connections for ${r.settings.seconds} s per operation; server pool ${r.settings.serverPool} connections. SQL twin: the same concurrency over a node-postgres pool of the same size. Timings are reported, never asserted.`,
    '',
  ];
  if (r.generation) {
    lines.push(`Generated in ${r.generation.seconds.toFixed(0)} s: ${Object.entries(r.generation.rows).map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`).join(', ')}.`);
    lines.push(r.generation.problems.length ? `Validation problems: ${r.generation.problems.join('; ')}` : 'Validation: identifiers, disagreement stage history and clocks, audit chain — all pass.', '');
  }
  if (when(r, 'reads')) lines.push(`Reads${when(r, 'reads')}:`, '');
  lines.push(
    '| operation | rows | API p50 / p99 ms | API req/s | SQL p50 / p99 ms | SQL req/s | API/SQL p50 | SQL round trips | same answer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...r.operations.map((o) =>
      `| ${o.name}${o.note ? ` (${o.note})` : ''} | ${o.rows} | ${ms(o.api.latencyMs.p50)} / ${ms(o.api.latencyMs.p99)} | ${Math.round(o.api.requestsPerSecond)} | ${ms(o.sql.latencyMs.p50)} / ${ms(o.sql.latencyMs.p99)} | ${Math.round(o.sql.requestsPerSecond)} | ${(o.api.latencyMs.p50 / Math.max(0.01, o.sql.latencyMs.p50)).toFixed(1)}× | ${o.roundTrips} | ${o.sameAnswer ? 'yes' : '**no**'} |`),
    '',
    'Personas: ' + r.operations.map((o) => `${o.name} — ${o.persona}`).join('; ') + '.',
    '',
  );
  if (r.sweep) lines.push(`Deadline sweep: ${r.sweep.deadlines.toLocaleString('en-GB')} deadlines due at once, ${r.sweep.sweepers} sweepers, ${r.sweep.deadlinesPerTransaction} deadline per transaction: drained in ${r.sweep.seconds} s (${r.sweep.perSecond}/s); the burst's DONE ${r.sweep.done} of ${r.sweep.deadlines}, handled in all ${r.sweep.handled} (the rest: generated deadlines that were due) — exactly once: ${r.sweep.exactlyOnce ? 'yes' : '**no**'}${when(r, 'sweep')}.`, '');
  if (r.notificationLatency) {
    const l = r.notificationLatency;
    lines.push(`Notification latency, event commit to email received (${l.events} events one at a time, worker woken by NOTIFY): p50 ${l.ms.p50} ms, p95 ${l.ms.p95} ms, max ${l.ms.max} ms; ${l.received} of ${l.events} received${when(r, 'notificationLatency')}.`, '');
  }
  if (r.outbox) lines.push(`Email outbox: ${r.outbox.emails.toLocaleString('en-GB')} emails, ${r.outbox.workers} workers, ${r.outbox.transactionsPerEmail} transactions per email (claim, then outcome after SMTP), loopback SMTP: ${r.outbox.seconds} s (${r.outbox.perSecond} emails/s); the benchmark's SENT ${r.outbox.benchSent} of ${r.outbox.emails}, sent in all ${r.outbox.sent}, unique Message-IDs received ${r.outbox.uniqueMessageIds}${when(r, 'outbox')}.`, '');
  if (r.slowest) lines.push(`## Slowest operation: ${r.slowest.name}`, '', `Its slowest statement (${r.slowest.durationMs} ms in the request):`, '', '```sql', r.slowest.sql, '```', '', '```', r.slowest.plan, '```', '');
  return lines.join('\n');
}

export function writeReport(dir: string, report: BenchReport): string {
  mkdirSync(dir, { recursive: true });
  report = withEarlierParts(dir, report);
  const base = path.join(dir, `scale-${report.scale}`);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${base}.md`, toMarkdown(report));
  return `${base}.md`;
}
