// A DSL's concern list: their school's concerns (and any shared with them), newest first, 25 a
// page — the first page, and a deep page reached by cursor (after 1,000 rows at scale 1).
import { readableEntryBranches } from './readableEntries.ts';
import { type Persona, type Scenario, personaWhere, uuidOf } from './scenario.ts';

const QUERY = /* GraphQL */ `
  query ConcernList($after: String) {
    concerns(first: 25, after: $after) {
      edges { node { id reference status riskLevel createdAt entry { summary occurredAt organisation { name } author { displayName } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** The DSL of the school that has recorded the most. */
const busiestSchoolDsl = (pool: Parameters<Scenario['persona']>[0], partnershipId: string) =>
  personaWhere(pool, partnershipId, `o."agencyType" = 'SCHOOL' AND 'DSL' = ANY(u.roles)`,
    `(SELECT count(*) FROM concern c WHERE c."organisationId" = o.id) DESC, u.email`);

// A page of each way the DSL may read a concern's entry (readableEntries.ts), merged: as one OR,
// PostgreSQL walks the partnership's concerns in date order testing each (9,500 for the first page
// at scale 1); a way at a time, each is answered from its own rows.
const rawSql = (keyset: boolean) => {
  const page = (branch: string) => `(SELECT c.id, c."createdAt" FROM concern c JOIN chronology_entry e ON e.id = c."entryId"
    WHERE e."partnershipId" = $1 AND ${branch}
    ${keyset ? `AND (c."createdAt", c.id) < (SELECT "createdAt", id FROM concern WHERE id = $4)` : ''}
    ORDER BY c."createdAt" DESC, c.id DESC LIMIT 25)`;
  const branches = readableEntryBranches('e', { readsOrganisation: true, organisationColumn: 'c."organisationId"' });
  return `SELECT id FROM (${branches.map(page).join('\n  UNION\n  ')}) page ORDER BY "createdAt" DESC, id DESC LIMIT 25`;
};

const values = (p: Persona) => [p.partnershipId, p.organisationId, p.userId];
const answer = (data: any) => data.concerns.edges.map((e: any) => uuidOf(e.node.id));
const rawAnswer = (rows: any[]) => rows.map((r) => r.id);

export const concernListFirstPage: Scenario = {
  name: "DSL's concern list, first page",
  persona: busiestSchoolDsl,
  query: QUERY,
  prepare: async ({ persona }) => ({ variables: {}, raw: { text: rawSql(false), values: values(persona) } }),
  answer,
  rawAnswer,
};

export const concernListDeepPage: Scenario = {
  name: "DSL's concern list, deep page (cursor)",
  persona: busiestSchoolDsl,
  query: QUERY,
  async prepare({ api, persona }) {
    // Walk the list as a client would, a page at a time, to the cursor 1,000 rows in (or the last page).
    let after: string | null = null;
    let walked = 0;
    while (walked < 1000) {
      const data: any = await api(QUERY, { after });
      if (!data.concerns.pageInfo.hasNextPage) break;
      after = data.concerns.pageInfo.endCursor as string;
      walked += 25;
    }
    return {
      variables: { after },
      raw: { text: rawSql(after !== null), values: after ? [...values(persona), cursorId(after)] : values(persona) },
      note: `after ${walked} rows`,
    };
  },
  answer,
  rawAnswer,
};

/** Pothos' cursors for `cursor: 'id'` are base64 of "GPC:S:<id>". */
function cursorId(cursor: string): string | null {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /([0-9a-f-]{36})$/.exec(decoded);
  return match ? match[1]! : null;
}
