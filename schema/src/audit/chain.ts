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
