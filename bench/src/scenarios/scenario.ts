// A benchmarked operation: the persona who would run it, the GraphQL operation they send, and its
// twin — the same answer from one hand-written SQL query through node-postgres — so the report can
// put the API's cost beside the database's. `answer` and `rawAnswer` reduce both to the same list
// of ids (in order), which the run compares before timing anything.
import type pg from 'pg';

export interface Persona {
  email: string;
  userId: string;
  organisationId: string;
  partnershipId: string;
}

export type Api = (query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface Prepared {
  variables: Record<string, unknown>;
  raw: { text: string; values: unknown[] };
  /** Rows behind the answer (for the report: "a chronology of 500 entries"). */
  note?: string;
}

export interface Scenario {
  name: string;
  /** Who runs it, chosen from the generated data by SQL. */
  persona(pool: pg.Pool, partnershipId: string): Promise<Persona>;
  query: string;
  prepare(ctx: { pool: pg.Pool; persona: Persona; api: Api }): Promise<Prepared>;
  answer(data: any): string[];
  rawAnswer(rows: any[]): string[];
}

/** The uuid inside a relay global id ("Type:uuid", base64). */
export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';
}

export function globalIdOf(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** The first user (by email) matching a WHERE over "user" u and organisation o. */
export async function personaWhere(pool: pg.Pool, partnershipId: string, where: string, orderBy = 'u.email', values: unknown[] = []): Promise<Persona> {
  const { rows } = await pool.query(
    `SELECT u.email, u.id AS "userId", u."organisationId", u."partnershipId" FROM "user" u JOIN organisation o ON o.id = u."organisationId"
     WHERE u."partnershipId" = $1 AND u.active AND ${where} ORDER BY ${orderBy} LIMIT 1`, [partnershipId, ...values]);
  if (!rows[0]) throw new Error(`no persona where ${where}`);
  return rows[0];
}
