// The county-scale synthetic partnership: `generate(url, { scale })` writes one partnership into
// a migrated database through COPY, in dependency order, and reports what it wrote.
//
//   organisations.ts  partnership, configuration, agencies, users
//   children.ts       children, statuses, allocated workers
//   entries.ts        chronology entries, concerns, referrals, shares (skewed per child)
//   requests.ts       MASH information requests, the agencies asked, their deadlines
//   disagreements.ts  disagreements at every stage and state, stage history, clock rows
//   audit.ts          the audit history, through the hash-chain trigger
import { createDatabaseClient } from '@wraparound/prisma';
import { hashPassword } from '@wraparound/schema';
import pg from 'pg';
import { writeAudit } from './audit.ts';
import { writeChildren } from './children.ts';
import { writeDisagreements } from './disagreements.ts';
import { writeEntries } from './entries.ts';
import { uuidAt } from './ids.ts';
import { writeOrganisations } from './organisations.ts';
import { Progress } from './progress.ts';
import { writeRequests } from './requests.ts';
import { BENCH_PASSWORD, DEFAULT_OPTIONS, type GenerateOptions, type World, rngFor, sizesFor } from './world.ts';

export { BENCH_PASSWORD, DEFAULT_OPTIONS, sizesFor, type GenerateOptions } from './world.ts';
export { chronologySocialWorker } from './children.ts';
export { validateGenerated } from './validate.ts';

export interface GenerateSummary {
  partnershipId: string;
  scale: number;
  seconds: number;
  rows: Record<string, number>;
}

const COUNTED = [
  'organisation', 'user', 'child', 'child_status_period', 'child_assignment', 'chronology_entry', 'concern', 'referral', 'share',
  'information_request', 'information_request_recipient', 'disagreement', 'disagreement_stage', 'deadline', 'audit_event',
];

export async function generate(databaseUrl: string, partial: Partial<GenerateOptions> = {}): Promise<GenerateSummary> {
  const options: GenerateOptions = { ...DEFAULT_OPTIONS, now: new Date(), ...partial };
  const progress = new Progress(options.quiet);
  // Up to three COPY streams at once (entries' second pass), plus a spare.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const db = createDatabaseClient(databaseUrl, { poolMax: 2 });
  try {
    const taken = await pool.query('SELECT 1 FROM partnership WHERE code = $1', [options.code]);
    if (taken.rowCount) throw new Error(`generate: partnership "${options.code}" already exists in this database`);
    const sizes = sizesFor(options.scale);
    const world: World = {
      options, sizes, partnershipId: uuidAt(rngFor({ options }, 'partnership'), options.now.getTime() - 4 * 365 * 86_400_000), laCode: '937',
      orgs: [], people: [], byOrg: new Map(), children: [], ladder: { id: '', urgentLimitHours: 4, stages: [], reasons: [] },
    };
    progress.phase(`Generating "${options.code}" at scale ${options.scale}: ${sizes.children.toLocaleString('en-GB')} children, ${sizes.concerns.toLocaleString('en-GB')} concerns, ${sizes.disagreements.toLocaleString('en-GB')} disagreements`);
    progress.phase('organisations, users and configuration');
    await writeOrganisations(pool, db, world, await hashPassword(BENCH_PASSWORD), progress);
    progress.phase('children');
    await writeChildren(pool, world, progress);
    progress.phase('chronology: entries, then concerns and shares, then referrals');
    await writeEntries(pool, world, progress);
    progress.phase('information requests');
    await writeRequests(pool, world, progress);
    progress.phase('disagreements');
    await writeDisagreements(pool, world, progress);
    progress.phase('referral deadlines');
    await writeReferralDeadlines(pool, world);
    progress.phase('audit history (through the chain trigger)');
    await writeAudit(pool, world, progress);
    progress.phase('ANALYZE');
    await pool.query('ANALYZE');

    const rows: Record<string, number> = {};
    for (const table of COUNTED) {
      const r = await pool.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "partnershipId" = $1`, [world.partnershipId]);
      rows[table] = r.rows[0].n;
    }
    progress.phase(`done in ${progress.elapsed()}`);
    return { partnershipId: world.partnershipId, scale: options.scale, seconds: progress.seconds(), rows };
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

/** A referral's decision deadline, as concernRefer writes it: DONE once past (the sweep saw it). */
async function writeReferralDeadlines(pool: pg.Pool, world: World): Promise<void> {
  await pool.query(
    `INSERT INTO deadline (id, "partnershipId", kind, "subjectId", key, "dueAt", state, "handledAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), r."partnershipId", 'REFERRAL_DECISION_DUE', r.id, '', r."decisionDueAt",
            CASE WHEN r."decisionDueAt" <= $2 THEN 'DONE' WHEN r."decidedAt" IS NOT NULL THEN 'CANCELLED' ELSE 'PENDING' END::"DeadlineState",
            CASE WHEN r."decisionDueAt" <= $2 THEN r."decisionDueAt" ELSE r."decidedAt" END, r."referredAt", r."updatedAt"
     FROM referral r WHERE r."partnershipId" = $1`,
    [world.partnershipId, world.options.now],
  );
}
