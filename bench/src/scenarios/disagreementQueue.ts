// An escalation lead's queue: a delegated safeguarding partner's open disagreements at a stage
// where the partnership acts (the final stage of the default ladder), soonest deadline first: the
// first page of 25.
import { type Scenario, personaWhere, uuidOf } from './scenario.ts';

export const disagreementQueue: Scenario = {
  name: "Escalation lead's disagreement queue",
  persona: (pool, partnershipId) => personaWhere(pool, partnershipId, `o."agencyType" = 'PARTNERSHIP' AND 'DELEGATED_SAFEGUARDING_PARTNER' = ANY(u.roles)`),
  query: /* GraphQL */ `
    query DisagreementQueue {
      disagreementQueue(first: 25) { edges { node { id reference status urgency currentPosition currentDueAt overdue raisingOrganisation { name } respondingOrganisation { name } } } }
    }`,
  prepare: async ({ persona }) => ({
    variables: {},
    raw: {
      // The stage's roles on each side the viewer stands on (actors.ts), joined rather than filtered in code.
      text: `SELECT d.id FROM disagreement d
             JOIN ladder_stage s ON s."ladderId" = d."ladderId" AND s.position = d."currentPosition"
             JOIN "user" u ON u.id = $3 JOIN organisation o ON o.id = u."organisationId"
             WHERE d."partnershipId" = $1 AND d.status = 'OPEN'
               AND ((d."raisingOrganisationId" = $2 AND u.roles && s."raiserRoles")
                 OR (d."respondingOrganisationId" = $2 AND u.roles && s."responderRoles")
                 OR (o."agencyType" = 'PARTNERSHIP' AND u.roles && s."partnershipRoles"))
             ORDER BY d."currentDueAt", d.id LIMIT 25`,
      values: [persona.partnershipId, persona.organisationId, persona.userId],
    },
  }),
  answer: (data) => data.disagreementQueue.edges.map((e: any) => uuidOf(e.node.id)),
  rawAnswer: (rows) => rows.map((r) => r.id),
};
