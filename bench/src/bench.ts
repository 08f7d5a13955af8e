// `pnpm bench [--scale 1] [--seconds 10] [--connections 10] [--deadlines 100000] [--emails 5000]
//             [--reuse] [--only reads,sweep,outbox,latency] [--latency-events 200]`
//
// Generates the synthetic partnership into a fresh database (or, with --reuse, uses the one the
// last run at that scale left), starts the real server in this process (so its SQL can be counted
// through the client's onQuery hook), and for each scenario: signs in as its persona, checks the
// API's answer against the SQL twin's, counts SQL round trips, loads the API with autocannon from
// a child process and the twin with the same concurrency, then explains the slowest. Then the
// deadline sweep and the email outbox. Results go to bench/results/scale-<scale>.{json,md}.
import { fileURLToPath } from 'node:url';
import { SESSION_OPTIONS } from '@wraparound/prisma';
import pg from 'pg';
import { numberArg, parseArgs } from './args.ts';
import { DEFAULT_OPTIONS, generate, validateGenerated } from './generate/index.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { benchDatabase } from './run/database.ts';
import { type Statement, explainSlowest } from './run/explain.ts';
import { countedStatements, prepareScenario, startBenchServer } from './run/server.ts';
import { runAutocannon, runLoop } from './run/load.ts';
import { describeMachine } from './run/machine.ts';
import { benchmarkNotificationLatency } from './run/notificationLatency.ts';
import { benchmarkOutbox } from './run/outbox.ts';
import { withOwnOutbox } from './run/ownOutbox.ts';
import { type BenchReport, type OperationResult, writeReport } from './run/report.ts';
import { benchmarkSweep } from './run/sweep.ts';

const args = parseArgs(process.argv.slice(2));
const scale = numberArg(args, 'scale', 1);
const seconds = numberArg(args, 'seconds', 10);
const connections = numberArg(args, 'connections', 10);
const only = new Set((args.get('only') ?? 'reads,sweep,outbox,latency').split(','));
const log = (line: string) => process.stderr.write(`${line}\n`);

const database = await benchDatabase(scale, { keep: args.has('reuse') });
const pool = new pg.Pool({ connectionString: database.url, max: 12, options: SESSION_OPTIONS });
// Idle connections are ended when the database stops (the finally below): not a second failure
// to hide the first one behind.
pool.on('error', () => {});
try {
  const existing = await pool.query('SELECT id FROM partnership WHERE code = $1', [DEFAULT_OPTIONS.code]);
  let partnershipId: string = existing.rows[0]?.id;
  let generation: BenchReport['generation'] = null;
  if (!partnershipId) {
    const now = new Date();
    const summary = await generate(database.url, { scale, now });
    partnershipId = summary.partnershipId;
    log('Validating the generated data');
    generation = { seconds: summary.seconds, rows: summary.rows, problems: await validateGenerated(pool, partnershipId, now) };
  }

  const server = await startBenchServer(database.url);

  const operations: OperationResult[] = [];
  const perOperationStatements = new Map<string, Statement[]>();
  if (only.has('reads')) {
    for (const scenario of SCENARIOS) {
      log(`Benchmarking: ${scenario.name}`);
      const { persona, token, api, prepared } = await prepareScenario(server, pool, partnershipId, scenario);
      const body = JSON.stringify({ query: scenario.query, variables: prepared.variables });
      // Warm both paths, then one counted request: the round trips, and the statements to explain.
      const fromApi = scenario.answer(await api(scenario.query, prepared.variables));
      const fromSql = scenario.rawAnswer((await pool.query(prepared.raw.text, prepared.raw.values)).rows);
      server.take();
      await api(scenario.query, prepared.variables);
      const counted = countedStatements(server.take());
      perOperationStatements.set(scenario.name, counted);
      const apiLoad = await runAutocannon(server.url, { token, body, connections, seconds });
      await server.idle();
      const rawPool = new pg.Pool({ connectionString: database.url, max: server.poolMax, options: SESSION_OPTIONS });
      const sqlLoad = await runLoop(() => rawPool.query(prepared.raw.text, prepared.raw.values), { connections, seconds });
      await rawPool.end();
      operations.push({
        name: scenario.name, persona: persona.email, note: prepared.note, rows: fromApi.length,
        sameAnswer: JSON.stringify(fromApi) === JSON.stringify(fromSql), roundTrips: counted.length, api: apiLoad, sql: sqlLoad,
      });
      log(`  API p50 ${apiLoad.latencyMs.p50} ms, ${apiLoad.requestsPerSecond} req/s; SQL p50 ${sqlLoad.latencyMs.p50} ms; ${counted.length} round trips`);
    }
  }
  await server.close();

  let slowest: BenchReport['slowest'] = null;
  const worst = [...operations].sort((a, b) => b.api.latencyMs.p50 - a.api.latencyMs.p50)[0];
  if (worst) slowest = { name: worst.name, ...(await explainSlowest(pool, perOperationStatements.get(worst.name) ?? [])) };

  let sweep: BenchReport['sweep'] = null;
  if (only.has('sweep')) {
    log('Deadline sweep');
    sweep = await benchmarkSweep(pool, database.url, partnershipId, numberArg(args, 'deadlines', 100_000));
    log(`  ${sweep.deadlines} in ${sweep.seconds} s`);
  }
  let outbox: BenchReport['outbox'] = null;
  if (only.has('outbox')) {
    log('Email outbox');
    outbox = await withOwnOutbox(pool, () => benchmarkOutbox(pool, database.url, partnershipId, numberArg(args, 'emails', 5_000)));
    log(`  ${outbox.sent} in ${outbox.seconds} s`);
  }
  let notificationLatency: BenchReport['notificationLatency'] = null;
  if (only.has('latency')) {
    log('Notification latency, commit to inbox');
    notificationLatency = await withOwnOutbox(pool, () => benchmarkNotificationLatency(pool, database.url, partnershipId, numberArg(args, 'latency-events', 200)));
    log(`  p50 ${notificationLatency.ms.p50} ms, p95 ${notificationLatency.ms.p95} ms`);
  }

  const report: BenchReport = {
    date: new Date().toISOString(), scale, machine: await describeMachine(pool),
    settings: { connections, seconds, serverPool: server.poolMax }, generation, operations, slowest, sweep, outbox, notificationLatency,
  };
  const file = writeReport(fileURLToPath(new URL('../results/', import.meta.url)), report);
  log(`Written: ${file}`);
} finally {
  await pool.end();
  await database.stop();
}
