// The server's database role cannot rewrite history. Every test server connects as the application
// role (support/globalSetup.ts); here that role tries what a superuser or owner could do to the
// audit trail and the safeguarding records, and is refused by PostgreSQL's privileges, before any
// trigger is reached. (Issue 16: as a superuser, `session_replication_role = replica` silenced the
// triggers and `DISABLE TRIGGER` removed them.)
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApplicationRole, requireLeastPrivilege } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
let client: pg.Client;
beforeAll(async () => {
  app = await startTestApp();
  client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await app?.close();
});

/** Runs `sql` in a transaction of its own, rolled back whatever happens; resolves with the error. */
async function refusal(sql: string): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK');
  }
  throw new Error(`"${sql}" was allowed`);
}

describe('the application role', () => {
  it('is neither a superuser nor the owner, and may not create roles, databases or bypass row security', async () => {
    const { rows } = await client.query(
      `SELECT current_user AS role, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
              pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass)) AS audit_owner
         FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({
      role: 'wraparound_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false,
      audit_owner: 'wraparound_owner',
    });
  });

  it('cannot switch off the triggers: session_replication_role and DISABLE TRIGGER are refused', async () => {
    expect(await refusal('SET LOCAL session_replication_role = replica')).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await refusal('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update')).toMatch(/must be owner of table audit_event/);
    expect(await refusal('ALTER TABLE audit_event DISABLE TRIGGER ALL')).toMatch(/must be owner of table audit_event/);
    expect(await refusal('ALTER TABLE concern DISABLE TRIGGER concern_forbid_delete')).toMatch(/must be owner of table concern/);
    expect(await refusal('DROP TRIGGER audit_event_no_update ON audit_event')).toMatch(/must be owner of (table|relation) audit_event/);
    expect(await refusal('SET ROLE wraparound_owner')).toMatch(/permission denied to set role "wraparound_owner"/);
  });

  it('may only append to and read the audit trail', async () => {
    expect(await refusal(`UPDATE audit_event SET action = 'tampered'`)).toMatch(/permission denied for table audit_event/);
    expect(await refusal('DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)')).toMatch(/permission denied for table audit_event/);
    expect(await refusal('TRUNCATE audit_event')).toMatch(/permission denied for table audit_event/);
    const before = (await app.sql<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0]!.n;
    await client.query(`INSERT INTO audit_event (action) VALUES ('test.least_privilege')`);
    expect(Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0]!.n)).toBe(Number(before) + 1);
  });

  it('may not delete safeguarding records, change revisions, rewrite the migration history or create tables', async () => {
    expect(await refusal('DELETE FROM concern WHERE id = (SELECT id FROM concern LIMIT 1)')).toMatch(/permission denied for table concern/);
    expect(await refusal('DELETE FROM child WHERE id = (SELECT id FROM child LIMIT 1)')).toMatch(/permission denied for table child/);
    expect(await refusal(`UPDATE child_revision SET reason = $$tampered$$`)).toMatch(/permission denied for table child_revision/);
    expect(await refusal('DELETE FROM _prisma_migrations')).toMatch(/permission denied for table _prisma_migrations/);
    expect(await refusal('CREATE TABLE shadow_audit (id int)')).toMatch(/permission denied for schema public/);
    expect(await refusal('ALTER ROLE wraparound_app SUPERUSER')).toMatch(/permission denied/);
  });

  it('passes the server\'s start-up check, which refuses (in production) a connection that could rewrite the trail', async () => {
    expect(await checkApplicationRole(app.databaseUrl)).toEqual({ role: 'wraparound_app', superuser: false, canRewriteAudit: false });
    await expect(requireLeastPrivilege(app.databaseUrl, true, () => {})).resolves.toBeUndefined();
    await expect(requireLeastPrivilege(app.adminDatabaseUrl, true, () => {})).rejects.toThrow(
      /The server connects to PostgreSQL as "wraparound", a superuser: connect DATABASE_URL as an application role/,
    );
    const warnings: string[] = [];
    await requireLeastPrivilege(app.adminDatabaseUrl, false, (line) => warnings.push(line));
    expect(warnings).toEqual([expect.stringMatching(/^WARNING: The server connects to PostgreSQL as "wraparound", a superuser/)]);
  });
});
