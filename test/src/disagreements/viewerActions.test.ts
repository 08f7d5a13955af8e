// `viewerActions` says what each person may do to a disagreement now, by the same rules the
// mutations apply: whatever is not offered is refused when tried, what is offered works, and a
// resolved disagreement offers nothing to anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { as, FRONT_DOOR, OAK, OTHERBY_DSL } from '../access/fixtures.ts';
import { thresholdDisagreementInput } from './support.ts';

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) { __typename ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const ACTIONS = /* GraphQL */ `query($id: ID!) { disagreement(id: $id) { viewerActions } }`;
const RESPOND = /* GraphQL */ `
  mutation($id: ID!) { disagreementRespond(disagreementId: $id, discussion: "Noted") { __typename } }`;
const ESCALATE = /* GraphQL */ `
  mutation($id: ID!) { disagreementEscalate(disagreementId: $id, reason: "No movement") { __typename } }`;
const WITHDRAW = /* GraphQL */ `
  mutation($id: ID!) { disagreementWithdraw(disagreementId: $id, reason: "Settled") { __typename } }`;
const RESOLVE = /* GraphQL */ `
  mutation($input: DisagreementResolveInput!) { disagreementResolve(input: $input) { __typename } }`;

const PEOPLE = [OAK.dsl, OAK.deputy, OAK.staff, OAK.head, ...FRONT_DOOR, OTHERBY_DSL];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('what each person may do to a disagreement', () => {
  it('offers exactly what the mutations allow, at stage 1 and after resolution', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input: await thresholdDisagreementInput(app) });
    const id = raised.data.disagreementRaise.disagreement.id;
    const offered = new Map<string, string[] | null>();
    for (const email of PEOPLE) offered.set(email, (await (await as(app, email)).request(ACTIONS, { id })).data.disagreement?.viewerActions ?? null);

    // Stage 1 (practitioners): the school's practitioners and the front door's; the head withdraws only.
    expect(offered.get(OAK.dsl)).toEqual(['RESPOND', 'RESOLVE', 'ESCALATE', 'WITHDRAW']);
    expect(offered.get(OAK.head)).toEqual(['WITHDRAW']);
    expect(offered.get(FRONT_DOOR[0]!)).toEqual(['RESPOND', 'RESOLVE']);
    expect(offered.get(OTHERBY_DSL)).toBeNull();

    // What is not offered is refused; responding, where offered, works.
    for (const email of PEOPLE) {
      const client = await as(app, email);
      const actions = offered.get(email) ?? [];
      const respond = (await client.request(RESPOND, { id })).data.disagreementRespond.__typename;
      expect([email, respond]).toEqual([email, actions.includes('RESPOND') ? 'DisagreementRespondSuccess' : offered.get(email) === null ? 'NotFoundError' : 'NotAuthorisedError']);
      if (!actions.includes('ESCALATE')) expect((await client.request(ESCALATE, { id })).data.disagreementEscalate.__typename).toMatch(/NotAuthorisedError|NotFoundError/);
      if (!actions.includes('WITHDRAW')) expect((await client.request(WITHDRAW, { id })).data.disagreementWithdraw.__typename).toMatch(/NotAuthorisedError|NotFoundError/);
    }

    const resolved = await (await as(app, FRONT_DOOR[0]!)).request(RESOLVE, {
      input: { disagreementId: id, outcomeStatement: 'An assessment will be opened', systemIssueFound: false },
    });
    expect(resolved.data.disagreementResolve.__typename).toBe('DisagreementResolveSuccess');
    for (const email of [OAK.dsl, OAK.head, FRONT_DOOR[0]!]) {
      expect((await (await as(app, email)).request(ACTIONS, { id })).data.disagreement.viewerActions).toEqual([]);
    }
  });
});
