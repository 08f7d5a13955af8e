// Least privilege for the connection that serves requests. Run as the owner after every migration,
// so a table a migration adds is granted at the next start. The application role may read and
// write what the product needs, and nothing the database keeps as history: the audit trail is
// INSERT and SELECT only, a table guarded against DELETE (forbid_delete) or UPDATE (forbid_update)
// gets neither, and the migration records are read-only. Never TRUNCATE, TRIGGER or REFERENCES;
// not being the owner, it can neither disable a trigger nor alter a table. The job queue's tables
// (graphile_worker) are the queue's working state, not history: all four, through a policy.
import pg from 'pg';

const SCHEMAS = ['public', 'graphile_worker'];

export async function grantApplicationRole(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const app = client.escapeIdentifier(appRole);
    const schemas = SCHEMAS.map((s) => client.escapeIdentifier(s)).join(', ');
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA ${schemas} TO ${app}`);
    // From nothing each time, so a table that has become history loses what it had.
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schemas} FROM ${app}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schemas} TO ${app}`);
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schemas} TO ${app}`);
    const guarded = await client.query<{ tbl: string; keep: string }>(`
      SELECT c.oid::regclass::text AS tbl,
             CASE p.proname WHEN 'forbid_delete' THEN 'DELETE' WHEN 'forbid_update' THEN 'UPDATE' ELSE 'UPDATE, DELETE' END AS keep
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal AND p.proname IN ('forbid_delete', 'forbid_update', 'audit_event_append_only')`);
    for (const { tbl, keep } of guarded.rows) await client.query(`REVOKE ${keep} ON ${tbl} FROM ${app}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON TABLE public._prisma_migrations, graphile_worker.migrations FROM ${app}`);
    // The job queue keeps row-level security on its tables with no policy, so that only their owner
    // reaches them: a policy lets the application role in as well, without owning them.
    const secured = await client.query<{ tbl: string }>(`
      SELECT c.oid::regclass::text AS tbl FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND c.relrowsecurity`, [SCHEMAS]);
    const policy = client.escapeIdentifier(`${appRole}_access`);
    for (const { tbl } of secured.rows) {
      await client.query(`DROP POLICY IF EXISTS ${policy} ON ${tbl}`);
      await client.query(`CREATE POLICY ${policy} ON ${tbl} TO ${app} USING (true) WITH CHECK (true)`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface RoleCheck {
  role: string;
  superuser: boolean;
  /** Owns the audit trail (and so could disable its triggers), or may change or remove its rows. */
  canRewriteAudit: boolean;
}

/** What the server's own connection could do to the audit trail, checked at start. */
export async function checkApplicationRole(url: string): Promise<RoleCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<RoleCheck>(`
      SELECT current_user AS role, r.rolsuper AS superuser,
             (pg_has_role(current_user, c.relowner, 'USAGE')
               OR has_table_privilege('audit_event', 'UPDATE') OR has_table_privilege('audit_event', 'DELETE')
               OR has_table_privilege('audit_event', 'TRUNCATE')) AS "canRewriteAudit"
        FROM pg_roles r, pg_class c
       WHERE r.rolname = current_user AND c.oid = 'audit_event'::regclass`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}
