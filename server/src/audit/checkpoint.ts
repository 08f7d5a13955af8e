// The audit chain's head, anchored outside the database. The chain itself shows a row changed in
// place, but not the newest rows removed: the rows before still link up. So the server writes, at
// intervals, a checkpoint (the newest sequence number and hash it found intact) to a file, signed
// with a key the database never sees; `pnpm audit:verify` then fails if that row is gone or differs.
// A checkpoint only moves forward from an intact chain: after a removal it stays where it was, so
// the removal stays visible. (Rows written after the last checkpoint are not covered: keep the
// interval short.)
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@wraparound/prisma';
import { auditRowAt, verifyAuditChainSince } from '@wraparound/schema/audit/chain';
import type { AuditCheckpointSettings } from '../config.ts';

export interface AuditCheckpoint {
  seq: string;
  hash: string;
  /** When it was written (ISO 8601). */
  at: string;
}

export interface CheckpointAnchor {
  file: string;
  key: Buffer;
}

/** The signing key: AUDIT_CHECKPOINT_KEY, or the key file (made when `create`, readable by this user only). */
export function checkpointAnchor(settings: AuditCheckpointSettings, { create }: { create: boolean }): CheckpointAnchor {
  if (settings.key) return { file: settings.file, key: Buffer.from(settings.key, 'utf8') };
  if (!existsSync(settings.keyFile)) {
    if (!create) throw new Error(`There is no audit checkpoint key at ${settings.keyFile} (set AUDIT_CHECKPOINT_KEY or AUDIT_CHECKPOINT_KEY_FILE)`);
    mkdirSync(path.dirname(settings.keyFile), { recursive: true });
    writeFileSync(settings.keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { file: settings.file, key: Buffer.from(readFileSync(settings.keyFile, 'utf8').trim(), 'utf8') };
}

function signature(key: Buffer, c: AuditCheckpoint): Buffer {
  return createHmac('sha256', key).update(['wraparound-audit-checkpoint', c.seq, c.hash, c.at].join('\x1f')).digest();
}

/** The last checkpoint, or null if none was ever written; throws if it is not one this key signed. */
export function readCheckpoint(anchor: CheckpointAnchor): AuditCheckpoint | null {
  if (!existsSync(anchor.file)) return null;
  let parsed: Partial<AuditCheckpoint & { signature: string }>;
  try {
    parsed = JSON.parse(readFileSync(anchor.file, 'utf8'));
  } catch {
    throw new Error(`The audit checkpoint ${anchor.file} is not readable JSON`);
  }
  const { seq, hash, at, signature: given } = parsed;
  if (typeof seq !== 'string' || typeof hash !== 'string' || typeof at !== 'string' || typeof given !== 'string') {
    throw new Error(`The audit checkpoint ${anchor.file} lacks its sequence, hash, time or signature`);
  }
  const expected = signature(anchor.key, { seq, hash, at });
  const actual = Buffer.from(given, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new Error(`The audit checkpoint ${anchor.file} is not signed with this key: it was altered, or the key is not the one that wrote it`);
  }
  return { seq, hash, at };
}

/** Replaces the checkpoint in one step (a reader never sees half a file). */
export function writeCheckpoint(anchor: CheckpointAnchor, checkpoint: AuditCheckpoint): void {
  mkdirSync(path.dirname(anchor.file), { recursive: true });
  const body = { ...checkpoint, signature: signature(anchor.key, checkpoint).toString('hex') };
  const temporary = `${anchor.file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, anchor.file);
}

/** What is wrong with the trail measured against the checkpoint, or null if the checkpointed row is there as signed. */
export async function compareWithCheckpoint(db: Database, checkpoint: AuditCheckpoint): Promise<string | null> {
  const { hash, headSeq } = await auditRowAt(db, checkpoint.seq);
  const signed = `the checkpoint of ${checkpoint.at} anchors sequence ${checkpoint.seq}`;
  if (headSeq === null || BigInt(headSeq) < BigInt(checkpoint.seq)) {
    return `${signed}, but the trail now ends at ${headSeq === null ? 'no row at all' : `sequence ${headSeq}`}: its newest rows were removed`;
  }
  if (hash === null) return `${signed}, but there is no row with that sequence number: it was removed`;
  if (hash !== checkpoint.hash) return `${signed} with hash ${checkpoint.hash}, but that row's hash is now ${hash}: it was rewritten`;
  return null;
}

export type CheckpointOutcome = { ok: true; checkpoint: AuditCheckpoint | null } | { ok: false; problem: string };

/**
 * Moves the checkpoint to the chain's head if everything after the last checkpoint links on
 * intact from it; otherwise leaves it where it was and says what is wrong.
 */
export async function advanceCheckpoint(db: Database, anchor: CheckpointAnchor, now: Date): Promise<CheckpointOutcome> {
  const last = readCheckpoint(anchor);
  if (last) {
    const problem = await compareWithCheckpoint(db, last);
    if (problem) return { ok: false, problem };
  }
  const report = await verifyAuditChainSince(db, last);
  if (report.firstBrokenSequence !== null) {
    return { ok: false, problem: `the audit trail is broken at sequence ${report.firstBrokenSequence}` };
  }
  if (report.head.seq === null) return { ok: true, checkpoint: null };
  const checkpoint = { seq: report.head.seq, hash: report.head.hash, at: now.toISOString() };
  if (!last || last.seq !== checkpoint.seq) writeCheckpoint(anchor, checkpoint);
  return { ok: true, checkpoint: last && last.seq === checkpoint.seq ? last : checkpoint };
}
