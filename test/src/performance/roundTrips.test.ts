// SQL round trips per operation stay constant as the data grows: no N+1 in the chronology or the
// concern list. (Counts, not timings: benchmarks measure speed, tests do not.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as, globalId } from '../access/fixtures.ts';

const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!) { chronology(childId: $id, first: 100) { edges { node {
    id kind summary occurredAt organisation { name agencyType } author { displayName }
    concern { reference riskLevel referrals { decision } } } } pageInfo { hasNextPage endCursor } } }`;
const CONCERNS = /* GraphQL */ `
  query { concerns(first: 100) { edges { node { reference status entry { summary organisation { name } author { displayName } } referrals { decision } } } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename } }`;

// Statements per read, counted as above. A change that moves them changes these on purpose.
const CHRONOLOGY_ROUND_TRIPS = 8;
const CONCERNS_ROUND_TRIPS = 12;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function roundTrips(run: () => Promise<{ errors?: unknown }>) {
  app.queries.length = 0;
  const result = await run();
  expect(result.errors).toBeUndefined();
  // Transaction control, and the once-a-minute sliding of the session's expiry (which depends on
  // how long the test has run), are not round trips of the operation's own.
  return app.queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(q.trim()) && !/^UPDATE "public"\."session"/.test(q.trim())).length;
}

describe('SQL round trips', () => {
  it('the chronology and the concern list make as many queries for 30 entries as for 3', async () => {
    const dsl = await as(app, OAK.dsl);
    const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const register = await dsl.request(REGISTER, {
      input: { givenName: 'Countable', familyName: 'Queries', dateOfBirth: '2015-02-02', schoolId: globalId('Organisation', oakfield.id) },
    });
    const childId = register.data.childRegister.child.id;
    const raise = (n: number) =>
      dsl.request(RAISE, {
        input: { childId, categories: ['NEGLECT'], narrative: `Concern ${n}`, riskLevel: 'LOW', dslInformed: true, occurredAt: new Date(Date.now() - n * 60_000).toISOString() },
      });

    for (let i = 0; i < 3; i++) await raise(i);
    const chronologySmall = await roundTrips(() => dsl.request(CHRONOLOGY, { id: childId }));
    const concernsSmall = await roundTrips(() => dsl.request(CONCERNS));

    for (let i = 3; i < 30; i++) await raise(i);
    const chronologyLarge = await roundTrips(() => dsl.request(CHRONOLOGY, { id: childId }));
    const concernsLarge = await roundTrips(() => dsl.request(CONCERNS));

    expect(chronologyLarge).toBe(chronologySmall);
    expect(concernsLarge).toBe(concernsSmall);
    // Pinned as numbers, so a change that adds a query per operation fails here and is changed on
    // purpose (a snapshot would be rewritten silently by `vitest -u`).
    expect(chronologySmall).toBe(CHRONOLOGY_ROUND_TRIPS);
    expect(concernsSmall).toBe(CONCERNS_ROUND_TRIPS);
  });
});
