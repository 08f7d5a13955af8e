// Verifies the audit trail's hash chain in the database (audit_event_verify, in the safeguards
// migration): the number of rows checked, the first row that does not match, and the chain head.
import type { DatabaseTx } from '@wraparound/prisma';

export interface ChainReport {
  checked: number;
  firstBrokenSequence: string | null;
  headHash: string;
}

export async function verifyAuditChain(db: DatabaseTx): Promise<ChainReport> {
  const rows = await db.$queryRaw<{ checked: bigint; first_broken_seq: bigint | null; head_hash: string }[]>`
    SELECT checked, first_broken_seq, head_hash FROM audit_event_verify()`;
  const row = rows[0]!;
  return { checked: Number(row.checked), firstBrokenSequence: row.first_broken_seq?.toString() ?? null, headHash: row.head_hash };
}

/** A point on the chain: a row's sequence number and hash (null: before the first row). */
export interface ChainPoint {
  seq: string | null;
  hash: string;
}

export interface ChainSinceReport {
  checked: number;
  firstBrokenSequence: string | null;
  /** The last row that links on intact (the starting point if none does). */
  head: ChainPoint;
}

/** Walks only the rows after `from` (audit_event_verify_since), linking on from its hash. */
export async function verifyAuditChainSince(db: DatabaseTx, from: ChainPoint | null): Promise<ChainSinceReport> {
  const rows = await db.$queryRaw<{ checked: bigint; first_broken_seq: bigint | null; head_seq: bigint | null; head_hash: string }[]>`
    SELECT checked, first_broken_seq, head_seq, head_hash FROM audit_event_verify_since(${from?.seq ?? null}::bigint, ${from?.hash ?? null}::text)`;
  const row = rows[0]!;
  return {
    checked: Number(row.checked),
    firstBrokenSequence: row.first_broken_seq?.toString() ?? null,
    head: { seq: row.head_seq?.toString() ?? null, hash: row.head_hash },
  };
}

/** The row at `seq`'s hash (null if there is no such row), and the newest sequence number. */
export async function auditRowAt(db: DatabaseTx, seq: string): Promise<{ hash: string | null; headSeq: string | null }> {
  const rows = await db.$queryRaw<{ hash: string | null; head_seq: bigint | null }[]>`
    SELECT (SELECT hash FROM audit_event WHERE seq = ${seq}::bigint) AS hash, (SELECT max(seq) FROM audit_event) AS head_seq`;
  return { hash: rows[0]!.hash, headSeq: rows[0]!.head_seq?.toString() ?? null };
}
