// The benchmark's synthetic partnership, at a small scale: it passes the product's own rules
// (identifier check characters, consistent disagreement stage history and clock rows, an unbroken
// audit chain), comes out the same from the same seed, and the real API serves it to generated
// people — giving, for every benchmarked read, the same answer as its hand-written SQL twin.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PASSWORD, generate, validateGenerated, type GenerateSummary } from '@wraparound/bench/generate';
import { SCENARIOS } from '@wraparound/bench/scenarios';
import { createTestDatabase, startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/personas.ts';

const SCALE = 0.002;
const now = new Date();
let url: string;
let pool: pg.Pool;
let summary: GenerateSummary;
let app: TestApp;

beforeAll(async () => {
  url = await createTestDatabase();
  summary = await generate(url, { scale: SCALE, now, quiet: true });
  pool = new pg.Pool({ connectionString: url, max: 2 });
  app = await startTestApp({ databaseUrl: url });
});
afterAll(async () => {
  await app?.close();
  await pool?.end();
});

describe('the synthetic partnership', () => {
  it('has every table filled, skewed as real caseloads are', async () => {
    for (const [table, rows] of Object.entries(summary.rows)) expect(rows, table).toBeGreaterThan(0);
    expect(summary.rows.concern).toBe(1000);
    const { rows } = await pool.query(
      `SELECT max(n)::int AS most, percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median
       FROM (SELECT count(e.id) AS n FROM child c LEFT JOIN chronology_entry e ON e."childId" = c.id WHERE c."partnershipId" = $1 GROUP BY c.id) x`,
      [summary.partnershipId]);
    expect(rows[0].most).toBeGreaterThanOrEqual(200);
    expect(rows[0].median).toBeLessThan(5);
  });

  it('spreads records over the years, recent ones commoner, none piled on one moment', async () => {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM chronology_entry WHERE "partnershipId" = $1)::int AS entries,
              (SELECT max(n) FROM (SELECT count(*) AS n FROM chronology_entry WHERE "partnershipId" = $1
                                   GROUP BY date_trunc('minute', "createdAt")) m)::int AS "busiestMinute",
              (SELECT count(*) FROM concern WHERE "partnershipId" = $1 AND "createdAt" > $2::timestamptz - interval '30 days')::int AS "lastMonth",
              (SELECT count(*) FROM concern WHERE "partnershipId" = $1 AND "createdAt" <= $2::timestamptz - interval '365 days')::int AS "olderThanAYear",
              (SELECT count(*) FROM information_request WHERE "partnershipId" = $1 AND "createdAt" > $2::timestamptz - interval '3 days')::int AS "requestsLast3Days",
              (SELECT count(*) FROM information_request WHERE "partnershipId" = $1)::int AS requests`,
      [summary.partnershipId, now]);
    const r = rows[0];
    // A county's concerns arrive at a few a minute at most, not hundreds in the minute before `now`.
    expect(r.busiestMinute).toBeLessThanOrEqual(Math.max(3, r.entries / 500));
    // The last month holds more than its share of three years (children registered lately have
    // all their records in it, so at this size it is the one child with hundreds that decides how much).
    expect(r.lastMonth).toBeGreaterThan(1000 / 36);
    expect(r.olderThanAYear).toBeGreaterThan(1000 / 6);
    expect(r.requestsLast3Days).toBeLessThan(r.requests / 50);
  });

  it("passes the product's own rules", async () => {
    expect(await validateGenerated(pool, summary.partnershipId, now)).toEqual([]);
  });

  it('is the same from the same seed', async () => {
    const other = await createTestDatabase();
    const again = await generate(other, { scale: SCALE, now, quiet: true });
    const digest = async (databaseUrl: string, partnershipId: string) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT md5(string_agg(x, ',' ORDER BY x)) AS d FROM (
             SELECT id::text || coalesce("nhsNumber", '') || coalesce(upn, '') AS x FROM child WHERE "partnershipId" = $1
             UNION ALL SELECT reference || "riskLevel" || "entryId" FROM concern WHERE "partnershipId" = $1
             UNION ALL SELECT reference || status || "currentPosition" FROM disagreement WHERE "partnershipId" = $1) t`, [partnershipId]);
        return rows[0].d as string;
      } finally {
        await client.end();
      }
    };
    expect(again.partnershipId).toBe(summary.partnershipId);
    expect(await digest(other, again.partnershipId)).toBe(await digest(url, summary.partnershipId));
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('serves %s to a generated persona, as its SQL twin answers', async (_name, scenario) => {
    const persona = await scenario.persona(pool, summary.partnershipId);
    const client = await signIn(app, persona.email, BENCH_PASSWORD);
    const api = async (query: string, variables?: Record<string, unknown>) => {
      const result = await client.request(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const prepared = await scenario.prepare({ pool, persona, api });
    const fromApi = scenario.answer(await api(scenario.query, prepared.variables));
    const fromSql = scenario.rawAnswer((await pool.query(prepared.raw.text, prepared.raw.values)).rows);
    expect(fromApi.length).toBeGreaterThan(0);
    expect(fromApi).toEqual(fromSql);
  });
});
