// Who may see a disagreement, act on it, escalate it and resolve it, at each stage: a table of
// people against stages, asserted through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { thresholdDisagreementInput } from './support.ts';
import { FRONT_DOOR, OAK, OTHERBY_DSL, POLICE, TEAM_MANAGER, as } from '../access/fixtures.ts';

const NM = 'northmoor.example';
const HEAD_OF_SERVICE = `head.of.service@childrens-services.${NM}`;
const DSP = `delegated.safeguarding.partner@partnership.${NM}`;
const BUSINESS_MANAGER = `business.manager@partnership.${NM}`;
const ADMIN = `partnership.admin@partnership.${NM}`;
const SOCIAL_WORKER = FRONT_DOOR[0]!;

/** For each stage of the default ladder: who may act (respond/resolve) there. */
const ACTORS: Record<number, string[]> = {
  1: [OAK.dsl, OAK.deputy, SOCIAL_WORKER, `mash.worker@childrens-services.${NM}`],
  2: [OAK.dsl, OAK.head, TEAM_MANAGER, `mash.manager@childrens-services.${NM}`],
  3: [OAK.head, HEAD_OF_SERVICE],
  4: [DSP, BUSINESS_MANAGER],
};
/** Who may see the disagreement at all, whatever its stage. */
const VIEWERS = [OAK.dsl, OAK.deputy, OAK.head, ...FRONT_DOOR, DSP, BUSINESS_MANAGER, `independent.scrutineer@partnership.${NM}`];
const PEOPLE = [...new Set([...VIEWERS, ...Object.values(ACTORS).flat(), OAK.staff, POLICE[0]!, ADMIN, OTHERBY_DSL, `ig.lead@partnership.${NM}`])];

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) { __typename ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const GET = /* GraphQL */ `query($id: ID!) { disagreement(id: $id) { id currentPosition } }`;
const CHILD_IN_VIEW = /* GraphQL */ `query($id: ID!) { disagreement(id: $id) { child { id givenName familyName } childRecordOpen } }`;
const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id } }`;
const RESPOND = /* GraphQL */ `
  mutation($id: ID!) { disagreementRespond(disagreementId: $id, discussion: "Discussed") { __typename } }`;
const ESCALATE = /* GraphQL */ `
  mutation($id: ID!) { disagreementEscalate(disagreementId: $id, reason: "Not agreed") { __typename } }`;

let app: TestApp;
let input: Record<string, unknown>;
beforeAll(async () => {
  app = await startTestApp();
  input = await thresholdDisagreementInput(app);
});
afterAll(() => app?.close());

describe('disagreement permissions, stage by stage', () => {
  it('each person sees it or not, acts at a stage or not, exactly as the table says', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input });
    const id = raised.data.disagreementRaise.disagreement.id;
    const failures: string[] = [];
    for (const stage of [1, 2, 3, 4]) {
      for (const email of PEOPLE) {
        const client = await as(app, email);
        const seen = (await client.request(GET, { id })).data?.disagreement;
        if ((seen != null) !== VIEWERS.includes(email)) failures.push(`stage ${stage} ${email}: ${seen ? 'sees it' : 'does not see it'}`);
        const outcome = (await client.request(RESPOND, { id })).data?.disagreementRespond?.__typename;
        const expected = ACTORS[stage]!.includes(email) ? 'DisagreementRespondSuccess' : VIEWERS.includes(email) ? 'NotAuthorisedError' : 'NotFoundError';
        if (outcome !== expected) failures.push(`stage ${stage} ${email}: respond gave ${outcome}, expected ${expected}`);
      }
      // The responder's side never escalates; the raiser does, at every stage but the last.
      expect((await (await as(app, SOCIAL_WORKER)).request(ESCALATE, { id })).data.disagreementEscalate.__typename).not.toBe('DisagreementEscalateSuccess');
      const escalated = (await (await as(app, OAK.dsl)).request(ESCALATE, { id })).data.disagreementEscalate.__typename;
      expect(escalated, `escalate from stage ${stage}`).toBe(stage < 4 ? 'DisagreementEscalateSuccess' : 'ValidationError');
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('shows every viewer who the child is, and says whether they may open the record: the child rules decide', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input });
    const id = raised.data.disagreementRaise.disagreement.id;
    const opens: Record<string, boolean> = {};
    for (const email of VIEWERS) {
      const client = await as(app, email);
      const seen = (await client.request(CHILD_IN_VIEW, { id })).data.disagreement;
      expect(seen.child.id, email).toBe(input.childId);
      const mayRead = (await client.request(CHILD, { id: input.childId })).data.child != null;
      expect(seen.childRecordOpen, email).toBe(mayRead);
      opens[email] = seen.childRecordOpen;
    }
    // The partnership's officers follow the procedure without reading the child's record.
    expect(opens[BUSINESS_MANAGER]).toBe(false);
    expect(opens[DSP]).toBe(false);
    expect(opens[OAK.dsl]).toBe(true);
    expect(opens[SOCIAL_WORKER]).toBe(true);
  });
});
