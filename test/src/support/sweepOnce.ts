// A separate worker process for fault tests: sweeps due deadlines in the given database at the
// given time, then exits. The test kills it while its transaction is open.
import { createDatabaseClient } from '@wraparound/prisma';
import { sweepDeadlines } from '@wraparound/schema';

const [url, nowIso] = process.argv.slice(2);
const db = createDatabaseClient(url!, { poolMax: 1 });
process.stdout.write('sweeping\n');
const result = await sweepDeadlines(db, new Date(nowIso!));
process.stdout.write(`handled ${result.handled}\n`);
await db.$disconnect();
