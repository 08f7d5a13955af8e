// What a disagreement's page draws at each stage of its ladder: the person the raiser named on the
// other side, what was said at that stage (and only that stage), and who moved it on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, as, globalId } from '../access/fixtures.ts';
import { thresholdDisagreementInput } from './support.ts';

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) {
    __typename ... on ValidationError { fieldErrors { field message } } ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const RESPOND = /* GraphQL */ `
  mutation($id: ID!, $discussion: String!) { disagreementRespond(disagreementId: $id, discussion: $discussion) { __typename } }`;
const ESCALATE = /* GraphQL */ `
  mutation($id: ID!) { disagreementEscalate(disagreementId: $id, reason: "No movement") { __typename } }`;
const READ = /* GraphQL */ `
  query($id: ID!) { disagreement(id: $id) {
    respondingUser { displayName }
    stages { position exit exitReason exitedBy { email } contributions { discussion author { email } } }
  } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('a disagreement’s stages', () => {
  it('each carry what was said at them and who moved them on; the named person is shown', async () => {
    const socialWorker = await app.db.user.findUniqueOrThrow({ where: { email: FRONT_DOOR[0]! } });
    const raised = await (await as(app, OAK.dsl)).request(RAISE, {
      input: { ...(await thresholdDisagreementInput(app)), respondingUserId: globalId('User', socialWorker.id) },
    });
    expect(raised.data.disagreementRaise.__typename, raised.raw).toBe('DisagreementRaiseSuccess');
    const id = raised.data.disagreementRaise.disagreement.id;
    expect((await (await as(app, FRONT_DOOR[0]!)).request(RESPOND, { id, discussion: 'The threshold was applied as written.' })).data.disagreementRespond.__typename)
      .toBe('DisagreementRespondSuccess');
    expect((await (await as(app, OAK.dsl)).request(ESCALATE, { id })).data.disagreementEscalate.__typename).toBe('DisagreementEscalateSuccess');
    expect((await (await as(app, FRONT_DOOR[2]!)).request(RESPOND, { id, discussion: 'Managers will meet on Monday.' })).data.disagreementRespond.__typename)
      .toBe('DisagreementRespondSuccess');

    const d = (await (await as(app, OAK.head)).request(READ, { id })).data.disagreement;
    expect(d.respondingUser).toEqual({ displayName: socialWorker.displayName });
    expect(d.stages).toEqual([
      {
        position: 1, exit: 'ESCALATED_BY_HAND', exitReason: 'No movement', exitedBy: { email: OAK.dsl },
        contributions: [{ discussion: 'The threshold was applied as written.', author: { email: FRONT_DOOR[0] } }],
      },
      { position: 2, exit: null, exitReason: null, exitedBy: null, contributions: [{ discussion: 'Managers will meet on Monday.', author: { email: FRONT_DOOR[2] } }] },
    ]);
  });
});
