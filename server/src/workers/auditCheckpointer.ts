// Writes the audit chain's checkpoint at start and then at intervals (server/src/audit/checkpoint.ts).
// A broken trail is logged at every round until someone looks; the checkpoint stays put meanwhile.
import type { Database } from '@wraparound/prisma';
import { advanceCheckpoint, type CheckpointAnchor } from '../audit/checkpoint.ts';
import { repeatEvery } from './repeat.ts';

export function startAuditCheckpointer(db: Database, anchor: CheckpointAnchor, intervalMs: number, log: (line: string) => void) {
  return repeatEvery(intervalMs, 'audit checkpoint', async () => {
    const outcome = await advanceCheckpoint(db, anchor, new Date());
    if (!outcome.ok) log(`AUDIT TRAIL BROKEN: ${outcome.problem} (the checkpoint in ${anchor.file} is kept; run pnpm audit:verify)`);
  }, log);
}
