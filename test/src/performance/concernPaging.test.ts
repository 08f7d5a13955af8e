// The concern list read page by page after a cursor is the same list as read at once: the
// createdAt bound the resolver adds to start the index walk at the cursor changes no page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as, globalId } from '../access/fixtures.ts';

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
