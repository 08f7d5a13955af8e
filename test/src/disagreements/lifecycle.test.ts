// A DSL disagrees with social care's "no further action": the disagreement climbs the ladder by
// hand, is answered and resolved at stage 2, and the outcome lands in the child's chronology.
// Plus the refusals: who may not see or act, bad transitions, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, OTHERBY_DSL, POLICE, TEAM_MANAGER, as, globalId } from '../access/fixtures.ts';

const FIELDS = /* GraphQL */ `
  id reference status immediateRiskAdvice urgency currentPosition currentDueAt ladderVersion overdue
  stages { position label dueAt exit exitReason } contributions { discussion decision author { email } }
  outcomeStatement resolvedAtPosition`;
const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on DisagreementRaiseSuccess { disagreement { ${FIELDS} } } } }`;
const RESPOND = /* GraphQL */ `
  mutation($id: ID!, $discussion: String!, $decision: String) { disagreementRespond(disagreementId: $id, discussion: $discussion, decision: $decision) {
    __typename ... on Error { message } } }`;
const ESCALATE = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementEscalate(disagreementId: $id, reason: $reason) {
    __typename ... on Error { message } ... on DisagreementEscalateSuccess { disagreement { ${FIELDS} } } } }`;
const RESOLVE = /* GraphQL */ `
  mutation($input: DisagreementResolveInput!) { disagreementResolve(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on DisagreementResolveSuccess { disagreement { ${FIELDS} } } } }`;
const WITHDRAW = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementWithdraw(disagreementId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const GET = /* GraphQL */ `query($id: ID!) { disagreement(id: $id) { id status } }`;
const QUEUE = /* GraphQL */ `query { disagreementQueue(first: 100) { edges { node { reference currentPosition overdue } } } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id) { edges { node { kind summary detail organisation { agencyType } } } } }`;

let app: TestApp;
let childId: string;
let socialCareId: string;
let socialWorkerId: string;

beforeAll(async () => {
  app = await startTestApp();
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
  childId = globalId('Child', child.id);
  const socialCare = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
  socialCareId = globalId('Organisation', socialCare.id);
  socialWorkerId = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: FRONT_DOOR[0]! } })).id);
});
afterAll(() => app?.close());

const raiseInput = (overrides: Record<string, unknown> = {}) => ({
  childId,
  respondingOrganisationId: socialCareId,
  respondingUserId: socialWorkerId,
  decisionChallenged: 'No further action on the referral about bruising',
  decisionDate: new Date().toISOString().slice(0, 10),
  reasonCode: 'THRESHOLD_NOT_MET',
  evidence: 'Third unexplained injury this term; the child says she is scared to go home.',
  outcomeSought: 'A section 47 strategy discussion',
  immediateRisk: false,
  ...overrides,
});

describe('the disagreement queue', () => {
  const PAGE = /* GraphQL */ `query($after: String) {
    disagreementQueue(first: 2, after: $after) { edges { node { reference currentDueAt } } pageInfo { hasNextPage endCursor } } }`;

  it('pages by cursor, soonest deadline first, every open disagreement once', async () => {
    const dsl = await as(app, OAK.dsl);
    for (let i = 0; i < 3; i++) {
      const raised = await dsl.request(RAISE, { input: raiseInput({ decisionChallenged: `No further action on referral ${i + 1} of three` }) });
      expect(raised.data.disagreementRaise.__typename, JSON.stringify(raised.data)).toBe('DisagreementRaiseSuccess');
    }
    // The responding practitioner acts at stage 1 of each.
    const socialWorker = await as(app, FRONT_DOOR[0]!);
    const whole = (await socialWorker.request(QUEUE)).data.disagreementQueue.edges.map((e: { node: { reference: string } }) => e.node.reference);
    expect(whole.length).toBeGreaterThanOrEqual(3);

    const paged: { reference: string; currentDueAt: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const result: Awaited<ReturnType<typeof socialWorker.request>> = await socialWorker.request(PAGE, { after });
      expect(result.errors).toBeUndefined();
      const page: { edges: { node: { reference: string; currentDueAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        (result.data as { disagreementQueue: never }).disagreementQueue;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      paged.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged.map((d) => d.reference)).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
    const due = paged.map((d) => Date.parse(d.currentDueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    // Someone not involved in any of them has an empty queue.
    expect((await (await as(app, POLICE[0]!)).request(QUEUE)).data.disagreementQueue.edges).toEqual([]);
  });
});

describe('a disagreement on the default ladder', () => {
  it('is raised at stage 1 on the current ladder with the stage’s clock as rows', async () => {
    const result = await (await as(app, OAK.dsl)).request(RAISE, { input: raiseInput() });
    const d = result.data.disagreementRaise.disagreement;
    expect(d).toMatchObject({ status: 'OPEN', urgency: 'STANDARD', currentPosition: 1, ladderVersion: 1, immediateRiskAdvice: null, overdue: false });
    expect(d.stages).toEqual([{ position: 1, label: 'Practitioner to practitioner', dueAt: d.currentDueAt, exit: null, exitReason: null }]);
    const stage = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreement: { reference: d.reference } } });
    const deadlines = await app.db.deadline.findMany({ where: { subjectId: stage.id }, orderBy: { dueAt: 'asc' } });
    expect(deadlines.map((x) => [x.kind, x.key])).toEqual([['STAGE_REMINDER', '50'], ['STAGE_REMINDER', '80'], ['STAGE_EXPIRY', ''], ['STAGE_ESCALATION', '']]);
    expect(deadlines[2]!.dueAt.toISOString()).toBe(d.currentDueAt);
  });

  it('shows what to do now, before anything else, when the child is at immediate risk', async () => {
    const result = await (await as(app, OAK.dsl)).request(RAISE, { input: raiseInput({ immediateRisk: true }) });
    expect(result.data.disagreementRaise.disagreement.immediateRiskAdvice).toMatch(/call 999/);
  });

  it('climbs by hand to stage 2, where the managers act, and is resolved there with the outcome on both agencies’ records', async () => {
    const dsl = await as(app, OAK.dsl);
    const raised = await dsl.request(RAISE, { input: raiseInput() });
    const id = raised.data.disagreementRaise.disagreement.id;
    const socialWorker = await as(app, FRONT_DOOR[0]!);

    expect((await socialWorker.request(RESPOND, { id, discussion: 'Spoke to the DSL; the threshold was not met', decision: 'NFA stands' })).data.disagreementRespond.__typename).toBe('DisagreementRespondSuccess');
    // Not involved: as if it did not exist.
    expect((await (await as(app, POLICE[0]!)).request(RESPOND, { id, discussion: 'x' })).data.disagreementRespond.__typename).toBe('NotFoundError');
    // Only the raiser's side escalates.
    expect((await socialWorker.request(ESCALATE, { id, reason: 'x' })).data.disagreementEscalate.__typename).toBe('NotAuthorisedError');

    const escalated = await dsl.request(ESCALATE, { id, reason: 'Practitioners could not agree' });
    const d = escalated.data.disagreementEscalate.disagreement;
    expect(d.currentPosition).toBe(2);
    expect(d.stages.map((s: { position: number; exit: string | null }) => [s.position, s.exit])).toEqual([[1, 'ESCALATED_BY_HAND'], [2, null]]);
    const stageOne = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: Buffer.from(id, 'base64').toString().split(':')[1], position: 1 } });
    expect(await app.db.deadline.count({ where: { subjectId: stageOne.id, state: 'PENDING' } })).toBe(0);

    // At stage 2 the social worker no longer acts; the team manager does.
    expect((await socialWorker.request(RESPOND, { id, discussion: 'x' })).data.disagreementRespond.__typename).toBe('NotAuthorisedError');
    const queue = await (await as(app, TEAM_MANAGER)).request(QUEUE);
    expect(queue.data.disagreementQueue.edges.map((e: { node: { reference: string } }) => e.node.reference)).toContain(d.reference);

    const manager = await as(app, TEAM_MANAGER);
    const resolved = await manager.request(RESOLVE, {
      input: {
        disagreementId: id,
        outcomeStatement: 'Strategy discussion to be held within 2 working days.',
        actions: [{ description: 'Convene strategy discussion', ownerOrganisationId: socialCareId, dueOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }],
        learning: 'Repeated injuries should be read together, not one at a time.',
        themes: ['cumulative harm'],
        systemIssueFound: false,
      },
    });
    expect(resolved.data.disagreementResolve.disagreement).toMatchObject({ status: 'RESOLVED', resolvedAtPosition: 2, outcomeStatement: 'Strategy discussion to be held within 2 working days.' });
    expect((await manager.request(RESOLVE, { input: { disagreementId: id, outcomeStatement: 'again', systemIssueFound: false } })).data.disagreementResolve.__typename).toBe('ValidationError');

    for (const reader of [OAK.dsl, FRONT_DOOR[0]!]) {
      const chronology = await (await as(app, reader)).request(CHRONOLOGY, { id: childId });
      const outcomes = chronology.data.chronology.edges.filter((e: { node: { kind: string } }) => e.node.kind === 'DISAGREEMENT_OUTCOME');
      expect(outcomes.map((e: { node: { detail: string } }) => e.node.detail), reader).toContain('Strategy discussion to be held within 2 working days.');
    }
  });

  it('cannot be escalated past the final stage; an urgent one may start there, with a reason', async () => {
    const dsl = await as(app, OAK.dsl);
    const noReason = await dsl.request(RAISE, { input: raiseInput({ urgency: 'URGENT', startAtStage: 4 }) });
    expect(noReason.data.disagreementRaise.fieldErrors).toEqual([{ field: 'urgentReason', message: 'Say why this is urgent' }]);
    const urgent = await dsl.request(RAISE, { input: raiseInput({ urgency: 'URGENT', urgentReason: 'Child due home tonight', startAtStage: 4 }) });
    const d = urgent.data.disagreementRaise.disagreement;
    expect(d.currentPosition).toBe(4);
    // The urgent path runs on hours: the default ladder allows 4.
    expect(new Date(d.currentDueAt).getTime() - Date.now()).toBeLessThanOrEqual(4 * 3_600_000 + 60_000);
    const past = await dsl.request(ESCALATE, { id: d.id, reason: 'Still no answer' });
    expect(past.data.disagreementEscalate).toEqual({ __typename: 'ValidationError', message: 'There is a problem with what was entered' });
  });

  it('is withdrawn only by the raiser’s organisation', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input: raiseInput() });
    const id = raised.data.disagreementRaise.disagreement.id;
    expect((await (await as(app, FRONT_DOOR[0]!)).request(WITHDRAW, { id, reason: 'x' })).data.disagreementWithdraw.__typename).toBe('NotAuthorisedError');
    expect((await (await as(app, OAK.deputy)).request(WITHDRAW, { id, reason: 'Resolved informally' })).data.disagreementWithdraw.__typename).toBe('DisagreementWithdrawSuccess');
    expect((await (await as(app, OAK.dsl)).request(WITHDRAW, { id, reason: 'again' })).data.disagreementWithdraw.__typename).toBe('ValidationError');
  });

  it('is visible to the partnership’s officers but not to uninvolved agencies or another partnership', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input: raiseInput() });
    const id = raised.data.disagreementRaise.disagreement.id;
    expect((await (await as(app, 'business.manager@partnership.northmoor.example')).request(GET, { id })).data.disagreement).not.toBeNull();
    for (const email of [POLICE[0]!, OAK.staff, OTHERBY_DSL, 'partnership.admin@partnership.northmoor.example']) {
      expect((await (await as(app, email)).request(GET, { id })).data.disagreement, email).toBeNull();
    }
  });

});

describe('bad input: a clear error naming the field, and nothing written', () => {
  it('refuses an excluded reason with where to go instead, a decision date in the future, and one’s own organisation', async () => {
    const before = await app.db.disagreement.count();
    const dsl = await as(app, OAK.dsl);
    const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const excluded = await dsl.request(RAISE, { input: raiseInput({ reasonCode: 'CP_CONFERENCE_DECISION' }) });
    expect(excluded.data.disagreementRaise.fieldErrors).toEqual([{ field: 'reasonCode', message: expect.stringContaining('conference') }]);
    const future = await dsl.request(RAISE, { input: raiseInput({ decisionDate: '2099-01-01', respondingOrganisationId: globalId('Organisation', oakfield.id), respondingUserId: null }) });
    expect(future.data.disagreementRaise.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['decisionDate', 'respondingOrganisationId']);
    expect(await app.db.disagreement.count()).toBe(before);
  });

  it('refuses a school staff member, who raises concerns but not disagreements', async () => {
    const result = await (await as(app, OAK.staff)).request(RAISE, { input: raiseInput() });
    expect(result.data.disagreementRaise.__typename).toBe('NotAuthorisedError');
  });
});

describe('a ladder edited mid-flight', () => {
  it('keeps running disagreements on the ladder version they started with', async () => {
    const raised = await (await as(app, OAK.dsl)).request(RAISE, { input: raiseInput() });
    const d = raised.data.disagreementRaise.disagreement;
    const current = await app.db.escalationLadder.findFirstOrThrow({ where: { partnership: { code: 'northmoor' }, current: true }, include: { stages: true } });
    await app.db.escalationLadder.update({ where: { id: current.id }, data: { current: false } });
    const next = await app.db.escalationLadder.create({
      data: { partnershipId: current.partnershipId, version: current.version + 1, name: 'One stage', current: true },
    });
    await app.db.ladderStage.create({
      data: {
        partnershipId: current.partnershipId, ladderId: next.id, position: 1, label: 'Only stage', raiserRoles: ['DSL'],
        responderRoles: ['SOCIAL_WORKER'], partnershipRoles: [], limitAmount: 3, limitClock: 'WORKING_DAYS', reminderPercents: [50],
      },
    });
    // The running disagreement still climbs the four-stage ladder it started on.
    const escalated = await (await as(app, OAK.dsl)).request(ESCALATE, { id: d.id, reason: 'No reply' });
    expect(escalated.data.disagreementEscalate.disagreement).toMatchObject({ ladderVersion: 1, currentPosition: 2 });
  });
});
