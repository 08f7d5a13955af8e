// The real server's GraphQL handler, as `npm start` runs it but in this process (so its SQL can be
// seen through the client's onQuery hook) and without its background rounds or the web app; and a
// scenario's persona signed in.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDatabaseClient } from '@wraparound/prisma';
import { createGraphQLHandler, loadConfig } from '@wraparound/server';
import type pg from 'pg';
import { BENCH_PASSWORD } from '../generate/index.ts';
import type { Api, Persona, Scenario } from '../scenarios/index.ts';
import type { Statement } from './explain.ts';

export interface BenchServer {
  url: string;
  poolMax: number;
  /** Statements the server sent since the last `take()`. */
  take(): Statement[];
  signIn(persona: Persona): Promise<{ token: string; api: Api }>;
  /** Requests answered so far. */
  served(): number;
  /** Resolves once no request is being served: autocannon stops at its deadline with requests in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  // Production settings, except that the benchmark's documents are not the web app's persisted ones.
  const config = { ...loadConfig({
    // Production settings need a key for authenticator secrets; the bench's people enrol none.
    SECOND_FACTOR_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...process.env, NODE_ENV: 'production', SECURE_COOKIES: 'false', PERSISTED_OPERATIONS_ONLY: 'false', SESSION_REQUESTS_PER_MINUTE: '0',
  }), seedDemo: false };
  let statements: Statement[] = [];
  const db = createDatabaseClient(databaseUrl, { poolMax: config.dbPoolMax, onQuery: (sql, e) => statements.push({ sql, params: e.params, duration: e.duration }) });
  // The GraphQL handler as createHttpServer routes /graphql to it, with its work counted to the
  // end: a request whose client has gone (autocannon stops at its deadline) is still being served.
  const yoga = createGraphQLHandler({ db, config, now: () => new Date(), log: () => undefined });
  let inFlight = 0;
  let served = 0;
  const server = createServer((req, res) => {
    inFlight++;
    Promise.resolve(yoga(req, res, { req })).finally(() => {
      inFlight--;
      served++;
    });
  });
  // Idle: nothing in flight, or nothing done for 3 s (the promise of a request whose client went
  // away mid-answer can stay unsettled; its work is over once it sends no more SQL).
  const idle = async () => {
    let seen = -1;
    let quietSince = performance.now();
    while (inFlight > 0 && performance.now() - quietSince < 3000) {
      const activity = served + statements.length;
      if (activity !== seen) [seen, quietSince] = [activity, performance.now()];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (inFlight > 0) process.stderr.write(`  (${inFlight} request(s) whose client left never settled)\n`);
  };
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
  return {
    url,
    poolMax: config.dbPoolMax,
    take: () => {
      const taken = statements;
      statements = [];
      return taken;
    },
    async signIn(persona) {
      const login = await post({
        query: 'mutation($i: LoginInput!) { login(input: $i) { __typename ... on LoginSuccess { token } } }',
        variables: { i: { email: persona.email, password: BENCH_PASSWORD, sessionMode: 'BEARER_TOKEN' } },
      });
      const token: string = login.login.token;
      return { token, api: (query, variables) => post({ query, variables }, token) };
    },
    served: () => served,
    idle,
    async close() {
      await idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.$disconnect();
    },
  };
}

/** A scenario's persona, signed in, with its operation prepared. */
export async function prepareScenario(server: BenchServer, pool: pg.Pool, partnershipId: string, scenario: Scenario) {
  const persona = await scenario.persona(pool, partnershipId);
  const { token, api } = await server.signIn(persona);
  const prepared = await scenario.prepare({ pool, persona, api });
  return { persona, token, api, prepared };
}

/** What a request's SQL is, less the transaction brackets and the session's sliding-expiry write. */
export const countedStatements = (statements: Statement[]) =>
  statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.sql.trim()) && !/^UPDATE "public"\."session"/.test(s.sql.trim()));
