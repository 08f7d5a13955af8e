// A police officer's information-request queue: what their team has been asked, soonest due first.
import { type Scenario, personaWhere, uuidOf } from './scenario.ts';

export const requestQueue: Scenario = {
  name: "Police officer's information-request queue",
  // An officer of the team asked most often.
  persona: (pool, partnershipId) =>
    personaWhere(pool, partnershipId, `o."agencyType" = 'POLICE' AND 'POLICE_OFFICER' = ANY(u.roles)`,
      `(SELECT count(*) FROM information_request_recipient r WHERE r."organisationId" = o.id) DESC, u.email`),
  query: /* GraphQL */ `
    query RequestQueue {
      informationRequestsReceived(first: 25) {
        edges { node { id dueAt respondedAt overdue request { reference rag status purpose subject { givenName familyName dateOfBirth } } } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
  prepare: async ({ persona }) => ({
    variables: {},
    raw: {
      // Police officers are record readers: their organisation's rows, all of them.
      text: `SELECT r.id FROM information_request_recipient r
             WHERE r."partnershipId" = $1 AND r."organisationId" = $2 AND $3::uuid IS NOT NULL
             ORDER BY r."dueAt", r.id LIMIT 25`,
      values: [persona.partnershipId, persona.organisationId, persona.userId],
    },
  }),
  answer: (data) => data.informationRequestsReceived.edges.map((e: any) => uuidOf(e.node.id)),
  rawAnswer: (rows) => rows.map((r) => r.id),
};
