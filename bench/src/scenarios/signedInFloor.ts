// The floor under every other operation: the cheapest signed-in request there is (who am I?), so
// the report shows how much of each read's latency is HTTP, GraphQL and the session lookup that
// every request pays before it reads anything. Its twin reads the same row by key.
import { type Scenario, personaWhere, uuidOf } from './scenario.ts';

export const signedInFloor: Scenario = {
  name: 'Floor: a signed-in request that reads one row (me)',
  persona: (pool, partnershipId) => personaWhere(pool, partnershipId, `'DSL' = ANY(u.roles)`),
  query: /* GraphQL */ `query Me { me { id } }`,
  prepare: async ({ persona }) => ({
    variables: {},
    raw: { text: `SELECT id FROM "user" WHERE id = $1`, values: [persona.userId] },
  }),
  answer: (data) => [uuidOf(data.me.id)],
  rawAnswer: (rows) => rows.map((r) => r.id),
};
