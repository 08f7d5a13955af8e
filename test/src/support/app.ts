// A real Wraparound server for one test file: its own copy of the seeded template database, the
// real HTTP server on a free loopback port, and a clock the test can move.
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabaseClient, type Database } from '@wraparound/prisma';
import type { AuthSettings } from '@wraparound/schema';
import { createHttpServer, createLiveNotifications, EMBEDDED_OWNER_ROLE, loadConfig } from '@wraparound/server';
import { TEMPLATE_DATABASE } from './constants.ts';
import { GraphQLClient } from './graphql.ts';

export interface TestApp {
  url: string;
  /** The server's database, as the application role (what the server connects as). */
  databaseUrl: string;
  /** The same database as the cluster's superuser. */
  adminDatabaseUrl: string;
  db: Database;
  /** Every SQL statement the server has sent, for counting round trips (clear it between operations). */
  queries: string[];
  /** Unexpected errors the server logged (masked from clients). */
  serverErrors: string[];
  /** A client with no session. */
  anonymous: GraphQLClient;
  /** The server's clock. */
  now(): Date;
  /** Moves the server's clock forward. */
  advanceClock(ms: number): void;
  /** Plain SQL on the test database, as the cluster's superuser (to plant or inspect what the API cannot). */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<T>>;
  /** Cuts every open connection (live streams included) as a network failure would; the server stays up. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** The test cluster's database `name`, as the application role. */
export function databaseUrl(name: string) {
  return inject('databaseUrlPattern').replace('{db}', name);
}

/** The superuser's URL for the database an application-role URL names. */
export function adminDatabaseUrl(url: string) {
  return inject('adminDatabaseUrlPattern').replace('{db}', new URL(url).pathname.slice(1));
}

export async function createTestDatabase(): Promise<string> {
  const name = `w_${process.env.VITEST_POOL_ID ?? '0'}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrlPattern').replace('{db}', 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}" OWNER "${EMBEDDED_OWNER_ROLE}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export interface TestAppOptions {
  auth?: Partial<AuthSettings>;
  /** Run with production settings (no GraphiQL, no introspection, secure cookies off for HTTP). */
  production?: boolean;
  /** Use this database URL instead of a fresh copy of the template. */
  databaseUrl?: string;
  /** Refuse every document but the web app's persisted operations (production's default; off
   * otherwise, even with `production`, so tests can send their own documents). */
  persistedOperationsOnly?: boolean;
  /** Further settings, as the environment gives them (`CORS_ALLOWED_ORIGINS`, …). */
  env?: Record<string, string>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const url = options.databaseUrl ?? (await createTestDatabase());
  const queries: string[] = [];
  const db = createDatabaseClient(url, { poolMax: 4, onQuery: (sql) => queries.push(sql) });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const base = loadConfig({
    NODE_ENV: options.production ? 'production' : 'test',
    SECURE_COOKIES: 'false',
    PERSISTED_OPERATIONS_ONLY: String(options.persistedOperationsOnly ?? false),
    // Production refuses to start without a key for authenticator secrets: each test app has its own.
    SECOND_FACTOR_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  });
  const config = { ...base, auth: { ...base.auth, ...options.auth }, seedDemo: false };
  const errors: string[] = [];
  // Live updates connect to PostgreSQL only when somebody subscribes.
  const live = createLiveNotifications(url, (line) => errors.push(line));
  const server = createHttpServer({
    live,
    db,
    config,
    now,
    log: (line) => {
      errors.push(line);
      if (process.env.WRAPAROUND_TEST_LOG) console.error(line);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  // Addresses the server gives out (single sign-on's callback) name the port it actually got.
  config.publicUrl = origin;
  const adminUrl = adminDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: adminUrl, max: 2 });
  return {
    url: origin,
    databaseUrl: url,
    adminDatabaseUrl: adminUrl,
    serverErrors: errors,
    queries,
    db,
    anonymous: new GraphQLClient(origin),
    now,
    advanceClock: (ms) => {
      offset += ms;
    },
    sql: (text, values) => pool.query(text, values as unknown[]),
    dropConnections: () => server.closeAllConnections(),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await live.close();
      await db.$disconnect();
      await pool.end();
    },
  };
}
