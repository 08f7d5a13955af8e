// `pnpm bench [--scale 1] [--seconds 10] [--connections 10] [--deadlines 100000] [--emails 5000]
//             [--reuse] [--only reads,sweep,outbox,latency] [--latency-events 200]`
//
// Generates the synthetic partnership into a fresh database (or, with --reuse, uses the one the
// last run at that scale left), starts the real server in this process (so its SQL can be counted
// through the client's onQuery hook), and for each scenario: signs in as its persona, checks the
// API's answer against the SQL twin's, counts SQL round trips, loads the API with autocannon from
// a child process and the twin with the same concurrency, then explains the slowest. Then the
// deadline sweep and the email outbox. Results go to bench/results/scale-<scale>.{json,md}.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDatabaseClient } from '@wraparound/prisma';
import { createHttpServer, loadConfig } from '@wraparound/server';
import pg from 'pg';
import { numberArg, parseArgs } from './args.ts';
import { BENCH_PASSWORD, DEFAULT_OPTIONS, generate, validateGenerated } from './generate/index.ts';
import { SCENARIOS, type Api } from './scenarios/index.ts';
import { freshDatabase } from './run/database.ts';
import { type Statement, explainSlowest } from './run/explain.ts';
import { runAutocannon, runLoop } from './run/load.ts';
import { describeMachine } from './run/machine.ts';
import { benchmarkNotificationLatency } from './run/notificationLatency.ts';
import { benchmarkOutbox } from './run/outbox.ts';
import { type BenchReport, type OperationResult, writeReport } from './run/report.ts';
import { benchmarkSweep } from './run/sweep.ts';

const args = parseArgs(process.argv.slice(2));
const scale = numberArg(args, 'scale', 1);
const seconds = numberArg(args, 'seconds', 10);
const connections = numberArg(args, 'connections', 10);
const only = new Set((args.get('only') ?? 'reads,sweep,outbox,latency').split(','));
const log = (line: string) => process.stderr.write(`${line}\n`);

const database = await freshDatabase({
  name: `bench_${String(scale).replace('.', '_')}`,
  dataDir: process.env.BENCH_DATA_DIR ?? '/tmp/wraparound-bench',
  port: Number(process.env.BENCH_PG_PORT ?? 54359),
  databaseUrl: process.env.DATABASE_URL,
  keep: args.has('reuse'),
});
const pool = new pg.Pool({ connectionString: database.url, max: 12 });
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

  // The server, as `npm start` runs it but without its background rounds (the sweep and the outbox
  // are measured on their own below).
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'production', SECURE_COOKIES: 'false' }), seedDemo: false };
  let statements: Statement[] = [];
  const db = createDatabaseClient(database.url, { poolMax: config.dbPoolMax, onQuery: (sql, e) => statements.push({ sql, params: e.params, duration: e.duration }) });
  const server = createHttpServer({ db, config, now: () => new Date(), log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (body: object, token?: string) => {
    const response = await fetch(url, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-wraparound-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const json = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (json.errors) throw new Error(json.errors.map((e) => e.message).join('; '));
    return json.data;
  };

  const operations: OperationResult[] = [];
  const perOperationStatements = new Map<string, Statement[]>();
  if (only.has('reads')) {
    for (const scenario of SCENARIOS) {
      log(`Benchmarking: ${scenario.name}`);
      const persona = await scenario.persona(pool, partnershipId);
      const login = await post({
        query: 'mutation($i: LoginInput!) { login(input: $i) { __typename ... on LoginSuccess { token } } }',
        variables: { i: { email: persona.email, password: BENCH_PASSWORD, sessionMode: 'BEARER_TOKEN' } },
      });
      const token: string = login.login.token;
      const api: Api = (query, variables) => post({ query, variables }, token);
      const prepared = await scenario.prepare({ pool, persona, api });
      const body = JSON.stringify({ query: scenario.query, variables: prepared.variables });
      // Warm both paths, then one counted request: the round trips, and the statements to explain.
      const fromApi = scenario.answer(await api(scenario.query, prepared.variables));
      const fromSql = scenario.rawAnswer((await pool.query(prepared.raw.text, prepared.raw.values)).rows);
      statements = [];
      await api(scenario.query, prepared.variables);
      const counted = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.sql.trim()) && !/^UPDATE "public"\."session"/.test(s.sql.trim()));
      perOperationStatements.set(scenario.name, counted);
      const apiLoad = await runAutocannon(url, { token, body, connections, seconds });
      const rawPool = new pg.Pool({ connectionString: database.url, max: config.dbPoolMax });
      const sqlLoad = await runLoop(() => rawPool.query(prepared.raw.text, prepared.raw.values), { connections, seconds });
      await rawPool.end();
      operations.push({
        name: scenario.name, persona: persona.email, note: prepared.note, rows: fromApi.length,
        sameAnswer: JSON.stringify(fromApi) === JSON.stringify(fromSql), roundTrips: counted.length, api: apiLoad, sql: sqlLoad,
      });
      log(`  API p50 ${apiLoad.latencyMs.p50} ms, ${apiLoad.requestsPerSecond} req/s; SQL p50 ${sqlLoad.latencyMs.p50} ms; ${counted.length} round trips`);
    }
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();

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
    outbox = await benchmarkOutbox(pool, database.url, partnershipId, numberArg(args, 'emails', 5_000));
    log(`  ${outbox.sent} in ${outbox.seconds} s`);
  }
  let notificationLatency: BenchReport['notificationLatency'] = null;
  if (only.has('latency')) {
    log('Notification latency, commit to inbox');
    notificationLatency = await benchmarkNotificationLatency(pool, database.url, partnershipId, numberArg(args, 'latency-events', 200));
    log(`  p50 ${notificationLatency.ms.p50} ms, p95 ${notificationLatency.ms.p95} ms`);
  }

  const report: BenchReport = {
    date: new Date().toISOString(), scale, machine: await describeMachine(pool),
    settings: { connections, seconds, serverPool: config.dbPoolMax }, generation, operations, slowest, sweep, outbox, notificationLatency,
  };
  const file = writeReport(fileURLToPath(new URL('../results/', import.meta.url)), report);
  log(`Written: ${file}`);
} finally {
  await pool.end();
  await database.stop();
}
