// What the database itself guarantees, whatever the application does.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('the database', () => {
  it('refuses to delete a safeguarding record', async () => {
    await expect(app.sql('DELETE FROM concern WHERE id = (SELECT id FROM concern LIMIT 1)')).rejects.toThrow(/never deleted/);
    await expect(app.sql('DELETE FROM child WHERE id = (SELECT id FROM child LIMIT 1)')).rejects.toThrow(/never deleted/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit trail', async () => {
    await expect(app.sql(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(app.sql('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(app.sql('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('chains every audit row to the one before, and the verifier finds a row altered behind its back', async () => {
    const clean = await app.sql<{ checked: string; first_broken_seq: string | null }>('SELECT * FROM audit_event_verify()');
    expect(Number(clean.rows[0]!.checked)).toBeGreaterThan(0);
    expect(clean.rows[0]!.first_broken_seq).toBeNull();

    // A privileged connection disables the guard and edits one row, as a rogue owner could.
    const target = await app.sql<{ seq: string }>('SELECT seq FROM audit_event ORDER BY seq LIMIT 1');
    const owner = new pg.Client({ connectionString: app.adminDatabaseUrl });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
      await owner.query(`UPDATE audit_event SET action = 'seed.tampered' WHERE seq = $1`, [target.rows[0]!.seq]);
      await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    const broken = await app.sql<{ first_broken_seq: string | null }>('SELECT * FROM audit_event_verify()');
    expect(broken.rows[0]!.first_broken_seq).toBe(target.rows[0]!.seq);
  });

  it('serialises concurrent audit appends into one unbroken chain', async () => {
    const before = Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0]!.n);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => app.db.auditEvent.create({ data: { action: 'test.concurrent', detail: { i } } })),
    );
    const heads = await app.sql<{ n: string; forks: string }>(
      `SELECT count(*) AS n, count(*) - count(DISTINCT "prevHash") AS forks FROM audit_event`,
    );
    expect(Number(heads.rows[0]!.n)).toBe(before + 40);
    expect(Number(heads.rows[0]!.forks)).toBe(0);
  });
});
