// The front door's queue of referrals awaiting a decision is whole: every one, a page at a time,
// with how many there are, immediate risk first and then the most overdue, filtered by risk, by
// being overdue and by who referred. The referrer sees its own organisation's; nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { GraphQLResponse } from '../support/graphql.ts';
import { FRONT_DOOR, OAK, REFER, as, globalId } from '../access/fixtures.ts';

const QUEUE = /* GraphQL */ `
  query($after: String, $filter: ReferralQueueFilter) {
    referralsAwaitingDecision(first: 25, after: $after, filter: $filter) {
      totalCount
      edges { node { id immediateRisk decisionDueAt overdue concern { reference riskLevel } referringOrganisation { name } child { id } } }
      pageInfo { hasNextPage endCursor }
    } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;
const CORRECT = /* GraphQL */ `
  mutation($input: ConcernCorrectInput!) { concernCorrect(input: $input) { __typename ... on Error { message } } }`;

interface Row { id: string; immediateRisk: boolean; decisionDueAt: string; overdue: boolean; concern: { reference: string; riskLevel: string }; referringOrganisation: { name: string }; child: { id: string } | null }

let app: TestApp;
let oakfieldId: string;
const MASH = FRONT_DOOR[1]!;
const RISKS = ['LOW', 'MEDIUM', 'HIGH', 'IMMEDIATE'] as const;

beforeAll(async () => {
  app = await startTestApp();
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  oakfieldId = oakfield.id;
  const children = await app.db.child.findMany({ where: { schoolId: oakfield.id, restrictions: { none: {} }, mergedIntoId: null }, take: 5 });
  const dsl = await as(app, OAK.dsl);
  // Enough new referrals that the queue runs to several pages whatever the seed left waiting.
  for (let i = 0; i < 40; i++) {
    const raised = await dsl.request(RAISE, {
      input: {
        childId: globalId('Child', children[i % children.length]!.id), categories: ['NEGLECT'], narrative: `Referral ${i}`,
        riskLevel: RISKS[i % RISKS.length], dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      },
    });
    const referred = await dsl.request(REFER, { id: raised.data.concernRaise.concern.id });
    expect(referred.data.concernRefer.__typename, referred.raw).toBe('ConcernReferSuccess');
  }
}, 120_000);
afterAll(() => app?.close());

async function wholeQueue(email: string, filter?: object) {
  const client = await as(app, email);
  const rows: Row[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result: GraphQLResponse = await client.request(QUEUE, { after, filter });
    expect(result.errors, result.raw).toBeUndefined();
    const queue: { totalCount: number; edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data.referralsAwaitingDecision;
    totals.add(queue.totalCount);
    rows.push(...queue.edges.map((e: { node: Row }) => e.node));
    if (!queue.pageInfo.hasNextPage) return { rows, total: [...totals] };
    after = queue.pageInfo.endCursor;
  }
  throw new Error('more than 20 pages');
}

const uuid = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** The queue's order, stated independently: immediate risk first, then the earliest decision time (then the oldest record). */
function inOrder(rows: Row[]) {
  return [...rows].sort(
    (a, b) => Number(b.immediateRisk) - Number(a.immediateRisk) || Date.parse(a.decisionDueAt) - Date.parse(b.decisionDueAt) || (uuid(a.id) < uuid(b.id) ? -1 : 1),
  );
}

describe('the front door’s referrals awaiting a decision', () => {
  it('are all listed across pages, with their count, immediate risk first and then the most overdue', async () => {
    const { rows, total } = await wholeQueue(MASH);
    const frontDoor = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SOCIAL_CARE', partnership: { code: 'northmoor' } } });
    const waiting = await app.db.referral.count({ where: { decidedAt: null, toOrganisationId: frontDoor.id } });
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBe(waiting);
    expect(total).toEqual([waiting]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.id)).toEqual(inOrder(rows).map((r) => r.id));
    // Immediate risk is the concern's, and the front door may open every child.
    expect(rows.every((r) => r.immediateRisk === (r.concern.riskLevel === 'IMMEDIATE'))).toBe(true);
    expect(rows.filter((r) => r.immediateRisk).length).toBeGreaterThanOrEqual(10);
    expect(rows[0]!.immediateRisk).toBe(true);
    expect(rows.every((r) => r.child !== null)).toBe(true);
  });

  it('are filtered by risk, by being overdue and by the referring organisation', async () => {
    const immediate = await wholeQueue(MASH, { riskLevels: ['IMMEDIATE'] });
    expect(immediate.rows.length).toBeGreaterThanOrEqual(10);
    expect(immediate.rows.every((r) => r.concern.riskLevel === 'IMMEDIATE')).toBe(true);
    expect(immediate.total).toEqual([immediate.rows.length]);

    const overdue = await wholeQueue(MASH, { overdueOnly: true });
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    expect(overdue.total).toEqual([overdue.rows.length]);
    const all = await wholeQueue(MASH);
    expect(overdue.rows.length).toBe(all.rows.filter((r) => r.overdue).length);

    const fromOakfield = await wholeQueue(MASH, { referringOrganisationId: globalId('Organisation', oakfieldId), riskLevels: ['HIGH', 'IMMEDIATE'] });
    expect(fromOakfield.rows.length).toBeGreaterThanOrEqual(20);
    expect(fromOakfield.rows.every((r) => r.referringOrganisation.name === 'Oakfield Primary School' && ['HIGH', 'IMMEDIATE'].includes(r.concern.riskLevel))).toBe(true);
  });

  it('refuses a referring organisation that is not an organisation’s id, clearly', async () => {
    const result = await (await as(app, MASH)).request(QUEUE, { filter: { referringOrganisationId: globalId('Child', oakfieldId) } });
    expect(result.errors?.map((e) => e.message)).toEqual(['referringOrganisationId is not the id of an organisation']);
    expect(result.data).toBeNull();
  });

  it('puts a referral first as soon as its concern is corrected to immediate risk', async () => {
    const last = (await wholeQueue(MASH)).rows.filter((r) => r.referringOrganisation.name === 'Oakfield Primary School' && !r.immediateRisk).at(-1)!;
    const concern = await app.db.concern.findUniqueOrThrow({ where: { reference: last.concern.reference } });
    const corrected = await (await as(app, OAK.dsl)).request(CORRECT, { input: { concernId: globalId('Concern', concern.id), riskLevel: 'IMMEDIATE', reason: 'Disclosure this morning' } });
    expect(corrected.data.concernCorrect.__typename, corrected.raw).toBe('ConcernCorrectSuccess');
    const { rows } = await wholeQueue(MASH);
    const moved = rows.findIndex((r) => r.id === last.id);
    expect(rows[moved]!.immediateRisk).toBe(true);
    expect(rows.slice(0, moved).every((r) => r.immediateRisk)).toBe(true);
  });

  it('shows the referrer only its own organisation’s, and a school’s staff member none', async () => {
    const school = await wholeQueue(OAK.dsl);
    expect(school.rows.length).toBeGreaterThanOrEqual(40);
    expect(school.rows.every((r) => r.referringOrganisation.name === 'Oakfield Primary School')).toBe(true);
    expect(school.total).toEqual([school.rows.length]);
    expect(await wholeQueue(OAK.staff)).toEqual({ rows: [], total: [0] });
  });
});
