// The concern list read page by page after a cursor is the same list as read at once: the
// createdAt bound the resolver adds to start the index walk at the cursor changes no page. And the
// list read a grant at a time (forwards) is the list the read rule gives as one OR (backwards, with
// `last`, which takes the single query), for every kind of reader.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, MASH_POLICE, OAK, OTHERBY_DSL, POLICE, TEAM_MANAGER, as, globalId } from '../access/fixtures.ts';

const PAGE = /* GraphQL */ `
  query($first: Int!, $after: String) { concerns(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it('pages of 4 after each cursor add up to the whole list, in order, each concern once', async () => {
  const dsl = await as(app, OAK.dsl);
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const register = await dsl.request(REGISTER, {
    input: { givenName: 'Paged', familyName: 'Through', dateOfBirth: '2016-03-03', schoolId: globalId('Organisation', oakfield.id) },
  });
  const childId = register.data.childRegister.child.id;
  for (let n = 0; n < 10; n++) {
    await dsl.request(RAISE, { input: { childId, categories: ['NEGLECT'], narrative: `Paged ${n}`, riskLevel: 'LOW', dslInformed: true } });
  }
  const whole = (await dsl.request(PAGE, { first: 100 })).data.concerns.edges.map((e: any) => e.node.id);
  expect(whole.length).toBeGreaterThanOrEqual(10);

  const paged: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await dsl.request(PAGE, { first: 4, after })).data.concerns;
    paged.push(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(paged).toEqual(whole);
});

it('is, a grant at a time, the list the read rule gives as one condition, for every kind of reader', async () => {
  const WHOLE = /* GraphQL */ `query($first: Int, $last: Int, $after: String, $before: String, $status: [ConcernStatus!]) {
    concerns(first: $first, last: $last, after: $after, before: $before, status: $status) {
      edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const readers = [OAK.dsl, OAK.deputy, OAK.head, OAK.staff, POLICE[0]!, POLICE[2]!, FRONT_DOOR[0]!, MASH_POLICE, GP, TEAM_MANAGER, OTHERBY_DSL];
  let seen = 0;
  for (const email of readers) {
    const reader = await as(app, email);
    for (const status of [null, ['REFERRED']]) {
      // The whole list, paged forwards (a grant at a time) and backwards (the rule as one condition).
      const whole = async (forwards: boolean) => {
        const found: string[] = [];
        for (let cursor: string | null = null; ;) {
          const variables: Record<string, unknown> = forwards ? { first: 100, after: cursor } : { last: 100, before: cursor };
          const result: { data?: any; errors?: unknown } = await reader.request(WHOLE, { ...variables, status });
          expect(result.errors, email).toBeUndefined();
          const page: any = result.data.concerns;
          const ids = page.edges.map((e: any) => e.node.id) as string[];
          if (forwards) found.push(...ids);
          else found.unshift(...ids);
          if (!(forwards ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage)) return found;
          cursor = forwards ? page.pageInfo.endCursor : page.pageInfo.startCursor;
        }
      };
      const byGrant = await whole(true);
      expect(byGrant, `${email} ${status}`).toEqual(await whole(false));
      seen += byGrant.length;
    }
  }
  expect(seen).toBeGreaterThan(0);
});

it('relies on a concern’s organisation being its entry’s, which the database holds', async () => {
  const concern = await app.db.concern.findFirstOrThrow({ where: { entry: { organisation: { name: 'Oakfield Primary School' } } } });
  const other = await app.db.organisation.findFirstOrThrow({ where: { partnershipId: concern.partnershipId, id: { not: concern.organisationId } } });
  await expect(app.db.concern.update({ where: { id: concern.id }, data: { organisationId: other.id } })).rejects.toThrow(/organisation must be its entry/);
  await expect(app.db.chronologyEntry.update({ where: { id: concern.entryId }, data: { organisationId: other.id } })).rejects.toThrow(/does not change/);
  expect((await app.db.concern.findUniqueOrThrow({ where: { id: concern.id } })).organisationId).toBe(concern.organisationId);
});
