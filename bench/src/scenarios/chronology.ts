// A social worker's chronology of a child allocated to them with 500 entries from every agency:
// the first 100 (the most a page holds), newest first. Sensitive police and health entries are
// left out unless shared, so the worker sees fewer than 500.
import { readableEntry } from './readableEntries.ts';
import { type Scenario, globalIdOf, personaWhere, uuidOf } from './scenario.ts';

export const chronology: Scenario = {
  name: "Social worker's chronology of a child with 500 entries",
  // The generator allocates its first child, the one with 500 entries, to the first social worker.
  persona: (pool, partnershipId) => personaWhere(pool, partnershipId, `o."agencyType" = 'SOCIAL_CARE' AND 'SOCIAL_WORKER' = ANY(u.roles) AND u.email LIKE 'social.worker.1@%'`),
  query: /* GraphQL */ `
    query Chronology($id: ID!) {
      chronology(childId: $id, first: 100) {
        edges { node { id kind summary occurredAt sensitive organisation { name agencyType } author { displayName } concern { reference riskLevel } } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
  async prepare({ pool, persona }) {
    const { rows } = await pool.query(
      `SELECT a."childId", (SELECT count(*)::int FROM chronology_entry e WHERE e."childId" = a."childId") AS entries
       FROM child_assignment a WHERE a."userId" = $1 AND a."endedAt" IS NULL ORDER BY entries DESC LIMIT 1`, [persona.userId]);
    const childId = rows[0].childId as string;
    return {
      variables: { id: globalIdOf('Child', childId) },
      raw: {
        text: `SELECT e.id FROM chronology_entry e
               WHERE e."partnershipId" = $1 AND e."childId" IN (SELECT $4::uuid UNION ALL SELECT id FROM child WHERE "mergedIntoId" = $4)
                 AND ${readableEntry('e', { readsOrganisation: true, frontDoor: true })}
               ORDER BY e."occurredAt" DESC, e.id DESC LIMIT 100`,
        values: [persona.partnershipId, persona.organisationId, persona.userId, childId],
      },
      note: `child with ${rows[0].entries} entries`,
    };
  },
  answer: (data) => data.chronology.edges.map((e: any) => uuidOf(e.node.id)),
  rawAnswer: (rows) => rows.map((r) => r.id),
};
