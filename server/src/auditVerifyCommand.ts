// `pnpm audit:verify`: walks the audit trail's hash chain, then checks it against the signed
// checkpoint kept outside the database (server/src/audit/checkpoint.ts), so that rows removed from
// the end are found as well as rows changed. Prints the result; exits 1 if anything is wrong.
// With the embedded database it joins the running server's cluster, or starts it, and migrates nothing.
import { createDatabaseClient } from '@wraparound/prisma';
import { verifyAuditChain } from '@wraparound/schema/audit/chain';
import { checkpointAnchor, compareWithCheckpoint, readCheckpoint, type AuditCheckpoint } from './audit/checkpoint.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './database/open.ts';

async function verify(): Promise<string[]> {
  const config = loadConfig();
  let checkpoint: AuditCheckpoint | null;
  try {
    checkpoint = readCheckpoint(checkpointAnchor(config.auditCheckpoint, { create: false }));
  } catch (error) {
    return [`AUDIT CHECKPOINT UNUSABLE: ${(error as Error).message}`];
  }
  // Beside a running server, its cluster is joined (and left running).
  const database = await openDatabase(config, () => undefined, { joinRunning: true });
  const db = createDatabaseClient(database.url, { poolMax: 1 });
  try {
    const report = await verifyAuditChain(db);
    if (report.firstBrokenSequence !== null) {
      return [`AUDIT TRAIL BROKEN: the hash chain breaks at sequence ${report.firstBrokenSequence} (after ${report.checked - 1} good events)`];
    }
    if (!checkpoint) return [`AUDIT TRAIL NOT ANCHORED: there is no checkpoint at ${config.auditCheckpoint.file}, so rows removed from the end cannot be found (the server writes one at start)`];
    const problem = await compareWithCheckpoint(db, checkpoint);
    if (problem) return [`AUDIT TRAIL BROKEN: ${problem}`];
    console.log(`Audit trail intact: ${report.checked} events, head ${report.headHash}; the checkpoint of ${checkpoint.at} (sequence ${checkpoint.seq}) matches`);
    return [];
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

verify().then(
  (problems) => {
    for (const problem of problems) console.error(problem);
    process.exit(problems.length === 0 ? 0 : 1);
  },
  (error) => {
    console.error(`audit:verify could not check the audit trail: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
