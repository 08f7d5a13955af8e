// `pnpm audit:verify`: walks the audit trail's hash chain and prints the result and the chain
// head (keep the head somewhere the database owner cannot rewrite). Exits 1 if the chain is broken.
import { createDatabaseClient } from '@wraparound/prisma';
import { verifyAuditChain } from '@wraparound/schema';
import { loadConfig } from './config.ts';
import { prepareDatabase } from './database/index.ts';

const config = loadConfig();
const database = await prepareDatabase(config, () => undefined);
const db = createDatabaseClient(database.url, { poolMax: 1 });
const report = await verifyAuditChain(db);
await db.$disconnect();
await database.stop();
console.log(
  report.firstBrokenSequence === null
    ? `Audit trail intact: ${report.checked} events, head ${report.headHash}`
    : `AUDIT TRAIL BROKEN at sequence ${report.firstBrokenSequence} (after ${report.checked - 1} good events)`,
);
process.exit(report.firstBrokenSequence === null ? 0 : 1);
