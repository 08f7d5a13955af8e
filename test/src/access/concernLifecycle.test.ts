// A DSL's everyday journey through the API: raise a concern, refer it, the front door decides,
// the school sees the decision in the chronology. Plus the refusals the issue names: bad input
// gets a clear error naming the field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, OAK, POLICE, REFER, SHARE, as, globalId } from './fixtures.ts';

let app: TestApp;
let childId: string;
let otherChildId: string;

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ConcernRaiseSuccess { concern { id reference status riskLevel entry { id kind summary organisation { name } } } } } }`;
const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ReferralDecideSuccess { referral { decision decidedWithinTime decidedAt } } } }`;
const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!, $filter: ChronologyFilter) { chronology(childId: $id, filter: $filter) { edges { node { kind summary organisation { agencyType } } } } }`;
const CONCERNS = /* GraphQL */ `query { concerns(first: 100) { edges { node { id reference status } } } }`;


beforeAll(async () => {
  app = await startTestApp();
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
  childId = child.id;
  otherChildId = (await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } })).id;
});
afterAll(() => app?.close());

const concernInput = (overrides: Record<string, unknown> = {}) => ({
  childId: globalId('Child', childId),
  categories: ['PHYSICAL_ABUSE'],
  narrative: 'Bruise on the left cheek; said "dad was cross".',
  childsWords: 'Dad was cross.',
  riskLevel: 'HIGH',
  dslInformed: true,
  occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  ...overrides,
});

async function counts() {
  const [concerns, entries, shares, audit] = await Promise.all([
    app.db.concern.count(), app.db.chronologyEntry.count(), app.db.share.count(), app.db.auditEvent.count({ where: { action: { notIn: ['session.login'] } } }),
  ]);
  return { concerns, entries, shares, audit };
}

describe('a concern, from raising to the front door’s decision', () => {
  it('raise → refer → decide NFA → the school sees the decision and it counts as on time', async () => {
    const staff = await as(app, OAK.staff);
    const raised = await staff.request(RAISE, { input: concernInput() });
    expect(raised.data.concernRaise.__typename, raised.raw).toBe('ConcernRaiseSuccess');
    const concern = raised.data.concernRaise.concern;
    expect(concern).toMatchObject({ status: 'OPEN', riskLevel: 'HIGH', entry: { kind: 'CONCERN', organisation: { name: 'Oakfield Primary School' } } });
    expect(concern.reference).toMatch(/^CON-[2-9A-HJ-NP-Z]{6}$/);

    // The staff member cannot refer: referral is the DSL's decision.
    expect((await staff.request(REFER, { id: concern.id })).data.concernRefer.__typename).toBe('NotFoundError');
    const dsl = await as(app, OAK.dsl);
    const referred = await dsl.request(REFER, { id: concern.id });
    expect(referred.data.concernRefer.__typename, referred.raw).toBe('ConcernReferSuccess');
    const due = new Date(referred.data.concernRefer.referral.decisionDueAt);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect((await dsl.request(REFER, { id: concern.id })).data.concernRefer.__typename).toBe('ValidationError');

    // The front door sees it in its concerns list, and decides.
    const socialWorker = await as(app, FRONT_DOOR[0]!);
    const listed = await socialWorker.request(CONCERNS);
    expect(listed.data.concerns.edges.map((e: { node: { reference: string } }) => e.node.reference)).toContain(concern.reference);
    const referralId = referred.data.concernRefer.referral.id;
    const police = await as(app, POLICE[0]!);
    expect((await police.request(DECIDE, { input: { referralId, decision: 'NO_FURTHER_ACTION', rationale: 'x' } })).data.referralDecide.__typename).toBe('NotFoundError');
    const blank = await socialWorker.request(DECIDE, { input: { referralId, decision: 'NO_FURTHER_ACTION', rationale: '  ' } });
    expect(blank.data.referralDecide.fieldErrors).toEqual([{ field: 'rationale', message: 'Give the reasons for the decision' }]);
    const decided = await socialWorker.request(DECIDE, { input: { referralId, decision: 'NO_FURTHER_ACTION', rationale: 'Explanation accepted; no previous concerns.' } });
    expect(decided.data.referralDecide).toMatchObject({ __typename: 'ReferralDecideSuccess', referral: { decision: 'NO_FURTHER_ACTION', decidedWithinTime: true } });
    expect((await socialWorker.request(DECIDE, { input: { referralId, decision: 'EARLY_HELP', rationale: 'again' } })).data.referralDecide.__typename).toBe('ValidationError');

    // The referrer is told: a notification to the person who referred (reference only), and the
    // decision in the school's view of the chronology.
    const told = await app.db.notificationEvent.findMany({ where: { kind: 'REFERRAL_DECIDED', reference: concern.reference }, include: { notifications: true } });
    const dslUser = await app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
    expect(told).toHaveLength(1);
    expect(new Set(told[0]!.notifications.map((n) => n.recipientUserId))).toEqual(new Set([dslUser.id]));
    const received = await app.db.notificationEvent.count({ where: { kind: 'REFERRAL_RECEIVED', reference: concern.reference } });
    expect(received).toBe(1);
    const chronology = await dsl.request(CHRONOLOGY, { id: globalId('Child', childId), filter: { agencyTypes: ['SOCIAL_CARE'] } });
    expect(chronology.data.chronology.edges.map((e: { node: { summary: string } }) => e.node.summary)).toContain('Front door decision: No further action');
    const mine = await dsl.request(CONCERNS);
    expect(mine.data.concerns.edges.find((e: { node: { reference: string } }) => e.node.reference === concern.reference).node.status).toBe('DECIDED');
  });
});

describe('bad input: a clear error naming the field, and nothing written', () => {
  it('a concern without a category, with a future date, or about an unknown child', async () => {
    const dsl = await as(app, OAK.dsl);
    const before = await counts();
    const result = await dsl.request(RAISE, {
      input: concernInput({ categories: [], occurredAt: new Date(Date.now() + 86_400_000).toISOString(), childId: globalId('Child', '00000000-0000-7000-8000-000000000000') }),
    });
    expect(result.data.concernRaise.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['categories', 'childId', 'occurredAt']);
    expect(await counts()).toEqual(before);
  });

  it('a concern about a child of another partnership is refused as if the child did not exist', async () => {
    const dsl = await as(app, OAK.dsl);
    const before = await counts();
    const result = await dsl.request(RAISE, { input: concernInput({ childId: globalId('Child', otherChildId) }) });
    expect(result.data.concernRaise).toEqual({
      __typename: 'ValidationError',
      message: 'There is a problem with what was entered',
      fieldErrors: [{ field: 'childId', message: 'Select a child you can see in your partnership' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('sharing without a lawful basis, or with consent "not sought" and no reason', async () => {
    const dsl = await as(app, OAK.dsl);
    const raised = await dsl.request(RAISE, { input: concernInput() });
    const entryId = raised.data.concernRaise.concern.entry.id;
    const gp = await app.db.user.findUniqueOrThrow({ where: { email: GP } });
    const before = await counts();
    const base = { entryId, recipientUserId: globalId('User', gp.id), whatShared: 'The concern', purpose: 'Health follow-up' };

    const noBasis = await dsl.request(SHARE, { input: { ...base, consentStatus: 'GIVEN' } });
    expect(noBasis.data.shareCreate.fieldErrors).toEqual([{ field: 'lawfulBasis', message: 'Select the lawful basis for sharing' }]);
    const noReason = await dsl.request(SHARE, { input: { ...base, lawfulBasis: 'PUBLIC_TASK', consentStatus: 'NOT_SOUGHT' } });
    expect(noReason.data.shareCreate.fieldErrors).toEqual([{ field: 'consentNotSoughtReason', message: 'Say why consent was not sought' }]);
    const noRecipient = await dsl.request(SHARE, { input: { entryId, whatShared: 'x', purpose: 'y', lawfulBasis: 'PUBLIC_TASK', consentStatus: 'GIVEN' } });
    expect(noRecipient.data.shareCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['recipientOrganisationId']);
    expect(await counts()).toEqual(before);

    const ok = await dsl.request(SHARE, { input: { ...base, lawfulBasis: 'PUBLIC_TASK', consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'UNSAFE' } });
    expect(ok.data.shareCreate.__typename).toBe('ShareSuccess');
    const after = await counts();
    expect(after).toEqual({ ...before, shares: before.shares + 1, audit: before.audit + 1 });
  });

  it('a police record is special-category: sharing it needs an Article 9 condition', async () => {
    const officer = await app.db.user.findUniqueOrThrow({ where: { email: POLICE[0]! } });
    const entry = await app.db.chronologyEntry.create({
      data: { partnershipId: officer.partnershipId, childId, organisationId: officer.organisationId, authorId: officer.id, kind: 'POLICE_INCIDENT', occurredAt: new Date(), summary: 'Incident', sensitive: true },
    });
    const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const result = await (await as(app, POLICE[0]!)).request(SHARE, {
      input: { entryId: globalId('ChronologyEntry', entry.id), recipientOrganisationId: globalId('Organisation', oakfield.id), whatShared: 'x', purpose: 'y', lawfulBasis: 'PUBLIC_TASK', consentStatus: 'GIVEN' },
    });
    expect(result.data.shareCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['specialCategoryCondition']);
  });
});
