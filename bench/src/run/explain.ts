// EXPLAIN ANALYZE of what the server actually sent: the statements of one request, with their
// parameters (from Prisma's query event), the longest of them explained on the same database.
import type pg from 'pg';

export interface Statement { sql: string; params: string; duration: number }

export async function explainSlowest(pool: pg.Pool, statements: Statement[]): Promise<{ sql: string; durationMs: number; plan: string }> {
  const slowest = [...statements].filter((s) => /^\s*(SELECT|WITH)/i.test(s.sql)).sort((a, b) => b.duration - a.duration)[0];
  if (!slowest) return { sql: '', durationMs: 0, plan: 'no statement captured' };
  let plan: string;
  try {
    const values = JSON.parse(slowest.params || '[]') as unknown[];
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.sql}`, values);
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  } catch (error) {
    plan = `EXPLAIN failed: ${(error as Error).message}`;
  }
  return { sql: slowest.sql, durationMs: slowest.duration, plan };
}
