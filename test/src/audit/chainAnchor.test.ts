// The audit chain's head, anchored outside the database. Issue 16: deleting the newest audit rows
// was not detected by the chain verifier, because the rows before still link up and nothing outside
// the database remembered the head. Now the server signs a checkpoint of the head into a file with
// a key the database never sees, and `pnpm audit:verify` (run here as the command it is) checks the
// trail against it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCheckpoint, checkpointAnchor, loadConfig, startAuditCheckpointer, type CheckpointAnchor } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK } from '../access/fixtures.ts';
import { signIn } from '../support/personas.ts';
import { runAuditVerify } from '../support/serverCommands.ts';

let app: TestApp;
let dir: string;
let env: Record<string, string>;
let anchor: CheckpointAnchor;

beforeAll(async () => {
  app = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'wraparound-anchor-'));
  // As an operator would run it against the server's database: the application role's URL, and
  // the checkpoint and its key where the server keeps them (under DATA_DIR by default).
  env = { DATABASE_URL: app.databaseUrl, DATA_DIR: dir };
  anchor = checkpointAnchor(loadConfig(env).auditCheckpoint, { create: true });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const headSeq = async () => (await app.sql<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit_event')).rows[0]!.seq;

describe('the audit chain checkpoint', () => {
  it('is missing at first, and audit:verify says the head is not anchored', async () => {
    const result = await runAuditVerify(env);
    expect(result.stderr).toContain(`AUDIT TRAIL NOT ANCHORED: there is no checkpoint at ${path.join(dir, 'audit-checkpoint.json')}`);
    expect(result.code).toBe(1);
  });

  it('is written at the chain head, signed, and audit:verify then finds the trail intact', async () => {
    const outcome = await advanceCheckpoint(app.db, anchor, new Date());
    expect(outcome).toEqual({ ok: true, checkpoint: { seq: await headSeq(), hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) } });
    expect(JSON.parse(readFileSync(anchor.file, 'utf8'))).toEqual({ ...(outcome.ok && outcome.checkpoint), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const result = await runAuditVerify(env);
    expect(result.stdout).toMatch(new RegExp(`^Audit trail intact: \\d+ events, head [0-9a-f]{64}; the checkpoint of .+ \\(sequence ${await headSeq()}\\) matches`));
    expect(result.code, result.stderr).toBe(0);
  });

  it('finds the newest rows deleted behind the triggers\' back, which the chain alone does not', async () => {
    await signIn(app, OAK.dsl);
    await signIn(app, OAK.deputy);
    const outcome = await advanceCheckpoint(app.db, anchor, new Date());
    const anchored = await headSeq();
    expect(outcome.ok && outcome.checkpoint?.seq).toBe(anchored);

    // The reproduction, as a superuser: triggers silenced for one transaction.
    const rogue = await app.sql(`
      BEGIN;
      SET LOCAL session_replication_role = replica;
      DELETE FROM audit_event WHERE seq IN (SELECT seq FROM audit_event ORDER BY seq DESC LIMIT 2);
      COMMIT;`);
    expect(rogue).toBeDefined();
    const chain = await app.sql<{ first_broken_seq: string | null }>('SELECT first_broken_seq FROM audit_event_verify()');
    expect(chain.rows[0]!.first_broken_seq).toBeNull();
    const remaining = await headSeq();

    const result = await runAuditVerify(env);
    expect(result.stderr).toMatch(new RegExp(
      `AUDIT TRAIL BROKEN: the checkpoint of .+ anchors sequence ${anchored}, but the trail now ends at sequence ${remaining}: its newest rows were removed`,
    ));
    expect(result.code).toBe(1);
  });

  it('does not move past the removal when the server appends on from the shortened chain', async () => {
    const before = readFileSync(anchor.file, 'utf8');
    await signIn(app, OAK.head);
    await signIn(app, OAK.dsl);
    const outcome = await advanceCheckpoint(app.db, anchor, new Date());
    expect(outcome).toEqual({ ok: false, problem: expect.stringMatching(/anchors sequence \d+, but there is no row with that sequence number: it was removed$/) });
    expect(readFileSync(anchor.file, 'utf8')).toBe(before);

    // The server's own checkpointer says so in its log, at every round.
    const log: string[] = [];
    const stop = startAuditCheckpointer(app.db, anchor, 60_000, (line) => log.push(line));
    try {
      await expect.poll(() => log).toEqual([expect.stringMatching(/^AUDIT TRAIL BROKEN: the checkpoint of .+ there is no row with that sequence number/)]);
    } finally {
      stop();
    }
    expect(readFileSync(anchor.file, 'utf8')).toBe(before);

    const result = await runAuditVerify(env);
    expect(result.stderr).toMatch(/AUDIT TRAIL BROKEN: the checkpoint of .+ there is no row with that sequence number: it was removed/);
    expect(result.code).toBe(1);
  });

  it('refuses a checkpoint altered by hand, or checked with another key', async () => {
    const signed = readFileSync(anchor.file, 'utf8');
    try {
      const edited = JSON.parse(signed);
      writeFileSync(anchor.file, JSON.stringify({ ...edited, seq: await headSeq() }));
      const altered = await runAuditVerify(env);
      expect(altered.stderr).toContain(`AUDIT CHECKPOINT UNUSABLE: The audit checkpoint ${anchor.file} is not signed with this key`);
      expect(altered.code).toBe(1);
    } finally {
      writeFileSync(anchor.file, signed);
    }
    const otherKey = await runAuditVerify({ ...env, AUDIT_CHECKPOINT_KEY: 'another-key-that-is-at-least-32-characters' });
    expect(otherKey.stderr).toContain('is not signed with this key');
    expect(otherKey.code).toBe(1);
  });
});
