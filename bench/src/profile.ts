// `pnpm bench:profile [--scale 0.1] [--repeat 20] [--only chronology] [--dump DIR] [--load SECONDS [--cpu]]`: where one request's time
// goes, on the data the last `pnpm bench` at that scale left. Each operation is sent one at a time
// (no queueing, so the figures are service times, not latency under load); per request: wall time,
// the time in SQL (each statement's duration from the client's onQuery hook: sent to answered),
// the rest (GraphQL, Prisma's query compiler and result mapping, HTTP), and for each statement
// EXPLAIN ANALYZE's planning and execution times. Written to bench/results/profile-scale-<scale>.md;
// --dump writes each operation's statements and parameters in full to DIR, to read or explain by hand.
// --load also loads each operation for SECONDS with autocannon (10 connections, from a child
// process): latency, throughput and this process's (the server's) CPU per request; --cpu profiles
// it meanwhile: where that CPU goes by package and function (with --dump, the .cpuprofile too).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCacheStats, SESSION_OPTIONS } from '@wraparound/prisma';
import pg from 'pg';
import { numberArg, parseArgs } from './args.ts';
import { DEFAULT_OPTIONS } from './generate/index.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { benchDatabase } from './run/database.ts';
import type { Statement } from './run/explain.ts';
import { profileMarkdown, profileWhile, summariseProfile, WATCHED } from './run/cpuProfile.ts';
import { round, runAutocannon } from './run/load.ts';
import { describeMachine } from './run/machine.ts';
import { prepareScenario, startBenchServer } from './run/server.ts';

const args = parseArgs(process.argv.slice(2));
const scale = numberArg(args, 'scale', 1);
const repeat = numberArg(args, 'repeat', 20);
const only = args.get('only');
const dump = args.get('dump');
const loadSeconds = numberArg(args, 'load', 0);
const connections = numberArg(args, 'connections', 10);
const cpuProfile = args.has('cpu');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const database = await benchDatabase(scale, { keep: true });
const pool = new pg.Pool({ connectionString: database.url, max: 2, options: SESSION_OPTIONS });
// Idle connections end when the database stops at the end: not an error to crash on.
pool.on('error', () => {});
const server = await startBenchServer(database.url);
const lines = [`# Where a request's time goes, scale ${scale} (${new Date().toISOString()})`, ''];
try {
  const m = await describeMachine(pool);
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; PostgreSQL ${m.postgres}. One request at a time, median of ${repeat}.`, '');
  const { rows } = await pool.query('SELECT id FROM partnership WHERE code = $1', [DEFAULT_OPTIONS.code]);
  const partnershipId: string = rows[0].id;
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.toLowerCase().includes(only.toLowerCase()))) {
    const { api, prepared, token } = await prepareScenario(server, pool, partnershipId, scenario);
    for (let i = 0; i < 3; i++) await api(scenario.query, prepared.variables);
    const walls: number[] = [];
    const sqls: number[] = [];
    const perStatement: number[][] = [];
    let last: Statement[] = [];
    server.take();
    const cpuBeforeSequential = process.cpuUsage();
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      await api(scenario.query, prepared.variables);
      walls.push(performance.now() - started);
      last = server.take();
      sqls.push(last.reduce((s, q) => s + q.duration, 0));
      last.forEach((q, n) => (perStatement[n] ??= []).push(q.duration));
    }
    const sequentialCpu = process.cpuUsage(cpuBeforeSequential);
    const wall = median(walls);
    const sql = median(sqls);
    // CPU time is less disturbed than wall time by other work on a shared machine.
    const cpuMs = round((sequentialCpu.user + sequentialCpu.system) / 1000 / repeat);
    lines.push(`## ${scenario.name}`, '', `Wall ${round(wall)} ms; in SQL ${round(sql)} ms; outside SQL ${round(wall - sql)} ms; ${last.length} statements; ` +
      `this process's CPU ${cpuMs} ms per request (server and its client, mean).`, '',
      '| # | statement | ms (onQuery) | plan ms | run ms |', '| ---: | --- | ---: | ---: | ---: |');
    for (const [n, q] of last.entries()) {
      const { plan, run } = await explain(q);
      const text = q.sql.replace(/\s+/g, ' ');
      lines.push(`| ${n + 1} | \`${text.length > 110 ? `${text.slice(0, 110)}…` : text}\` (${text.length} chars) | ${round(median(perStatement[n] ?? []))} | ${plan} | ${run} |`);
    }
    lines.push('');
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(path.join(dump, `${scenario.name.replace(/\W+/g, '-')}.json`), JSON.stringify(last, null, 2));
    }
    if (loadSeconds > 0) {
      const body = JSON.stringify({ query: scenario.query, variables: prepared.variables });
      const cpuBefore = process.cpuUsage();
      const servedBefore = server.served();
      const loadRun = async () => {
        const result = await runAutocannon(server.url, { token, body, connections, seconds: loadSeconds });
        await server.idle();
        return result;
      };
      const { result: load, profile } = cpuProfile ? await profileWhile(loadRun) : { result: await loadRun(), profile: null };
      const cpu = process.cpuUsage(cpuBefore);
      const served = Math.max(1, server.served() - servedBefore);
      server.take();
      const cpuPerRequest = (cpu.user + cpu.system) / 1000 / served;
      lines.push(`Under load (${connections} connections, ${loadSeconds} s${profile ? ', CPU profiled' : ''}): p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, ${load.requestsPerSecond} req/s; ` +
        `this process's CPU ${round(cpuPerRequest)} ms per request (user ${round(cpu.user / 1000 / served)}).`, '');
      if (profile) lines.push(...profileMarkdown(summariseProfile(profile, WATCHED), served), '');
      if (profile && dump) writeFileSync(path.join(dump, `${scenario.name.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile));
      process.stderr.write(`  under load: p50 ${load.latencyMs.p50} ms, ${load.requestsPerSecond} req/s, CPU ${round(cpuPerRequest)} ms/request\n`);
    }
    process.stderr.write(`${scenario.name}: wall ${round(wall)} ms, SQL ${round(sql)} ms, CPU ${cpuMs} ms\n`);
  }
  const cache = planCacheStats;
  lines.push(`Query plans (prisma/src/planCache.ts): ${cache.hits} reused, ${cache.misses} compiled for a new shape, ${cache.uncacheable} compiled each time (shapes not cached).`, '');
  const file = fileURLToPath(new URL(`../results/profile-scale-${scale}.md`, import.meta.url));
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stderr.write(`Written: ${file}\n`);
} finally {
  await server.close();
  await pool.end();
  await database.stop();
}

/** EXPLAIN ANALYZE of a read; writes and transaction brackets are only timed, never re-run. */
async function explain(q: Statement): Promise<{ plan: string; run: string }> {
  if (!/^\s*(SELECT|WITH)/i.test(q.sql)) return { plan: '', run: '' };
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, JSON.parse(q.params || '[]'));
  const result = rows[0]['QUERY PLAN'][0];
  return { plan: String(round(result['Planning Time'])), run: String(round(result['Execution Time'])) };
}
