// HTTP load from a second process: autocannon's CLI in a child process, so the load generator does
// not share an event loop (or a core's time slices as directly) with the server it measures.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon/autocannon.js');

export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
}

export function runAutocannon(url: string, options: { token: string; body: string; connections: number; seconds: number }): Promise<LoadResult> {
  const args = [
    AUTOCANNON, '--json', '--connections', String(options.connections), '--duration', String(options.seconds), '--method', 'POST',
    '--headers', 'content-type=application/json', '--headers', 'x-wraparound-csrf=1', '--headers', `authorization=Bearer ${options.token}`,
    '--body', options.body, url,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const r = JSON.parse(stdout);
      resolve({
        requestsPerSecond: r.requests.average,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, mean: r.latency.average, max: r.latency.max },
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

/** The same shape for the raw SQL twin: `connections` concurrent loops over a pool, for `seconds`. */
export async function runLoop(fn: () => Promise<unknown>, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        await fn();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requestsPerSecond: round(latencies.length / elapsed),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), mean: round(latencies.reduce((s, l) => s + l, 0) / Math.max(1, latencies.length)), max: at(1) },
    requests: latencies.length,
    non2xx: 0,
    errors,
  };
}

export const round = (n: number) => Math.round(n * 100) / 100;
