// Deadlines are rows (the sweep is the safety net); a graphile-worker job per deadline makes each
// one prompt. Jobs are added and removed in the same transaction as the rows, through
// graphile-worker's SQL API, keyed by deadline so a cancelled deadline's job goes with it.
import type { DatabaseTx } from '@wraparound/prisma';

export const DEADLINE_TASK = 'deadline_due';

export async function scheduleDeadlineJobs(tx: DatabaseTx, deadlines: readonly { id: string; dueAt: Date }[]) {
  for (const d of deadlines) {
    await tx.$executeRaw`SELECT graphile_worker.add_job(${DEADLINE_TASK}, json_build_object('deadlineId', ${d.id}::text), run_at := ${d.dueAt}::timestamptz, job_key := ${`deadline:${d.id}`}, max_attempts := 5)`;
  }
}

export async function cancelDeadlineJobs(tx: DatabaseTx, deadlineIds: readonly string[]) {
  for (const id of deadlineIds) {
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${`deadline:${id}`})`;
  }
}
