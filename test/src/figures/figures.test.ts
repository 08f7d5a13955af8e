// The figures a partnership watches, over HTTP against a real database: a known set of referrals,
// information requests, Operation Encompass notifications and disagreements is built through the
// API (and one record in another partnership), the server's clock is moved on so disagreements are
// resolved at different times and stages go overdue, and the partnership's officers read exact
// numbers back. Plus: who is refused, bad periods, no personal data in the answer, the read
// audited, and the same number of SQL statements whatever the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, OTHERBY_DSL, POLICE, as, globalId } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const NM = 'northmoor.example';
const BUSINESS_MANAGER = `business.manager@partnership.${NM}`;
const OFFICERS = [BUSINESS_MANAGER, `delegated.safeguarding.partner@partnership.${NM}`, `independent.scrutineer@partnership.${NM}`, `partnership.admin@partnership.${NM}`];
const IG_LEAD = `ig.lead@partnership.${NM}`;
const SOCIAL_WORKER = FRONT_DOOR[0]!;
const MASH_WORKER = FRONT_DOOR[1]!;
const OFFICER = POLICE[0]!;
const GP = `gp@moorside-surgery.${NM}`;
const HOUR = 3_600_000;

const FIGURES = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!) { partnershipFigures(from: $from, to: $to) {
    __typename
    ... on Error { message }
    ... on ValidationError { fieldErrors { field path message } }
    ... on PartnershipFigures {
      from to asOf
      referrals { total bySourceAgencyType { agencyType count } decided decidedWithinTime shareDecidedWithinOneWorkingDay }
      informationRequests { recipientsAsked answered answeredByDueTime overdueNow }
      encompass { sent deliveredBeforeNextSchoolDay acknowledged }
      disagreements {
        opened byReason { reasonCode count } byAgencyPair { raisingAgencyType respondingAgencyType count }
        openByCurrentStage { position count } byStatus { status count } resolved resolvedAtStage { position count share }
        shareResolvedAtStageOne medianHoursToResolution p90HoursToResolution stagesOverdueNow themes { theme count } systemIssuesFound
      }
    } } }`;

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const CONCERN = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) {
    __typename ... on Error { message } ... on ConcernRaiseSuccess { concern { id } } } }`;
const REFER = /* GraphQL */ `
  mutation($id: ID!) { concernRefer(concernId: $id) { __typename ... on Error { message } ... on ConcernReferSuccess { referral { id } } } }`;
const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;
const REQUEST = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) {
    __typename ... on Error { message } ... on InformationRequestCreateSuccess { request { recipients { id organisation { name } } } } } }`;
const ANSWER = /* GraphQL */ `
  mutation($input: InformationRequestRespondInput!) { informationRequestRespond(input: $input) { __typename ... on Error { message } } }`;
const NOTIFY = /* GraphQL */ `
  mutation($input: EncompassNotifyInput!) { encompassNotify(input: $input) {
    __typename ... on Error { message } ... on EncompassNotifySuccess { notification { id } } } }`;
const ACKNOWLEDGE = /* GraphQL */ `
  mutation($id: ID!) { encompassAcknowledge(id: $id) { __typename ... on Error { message } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const ESCALATE = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementEscalate(disagreementId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const RESOLVE = /* GraphQL */ `
  mutation($input: DisagreementResolveInput!) { disagreementResolve(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const WITHDRAW = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementWithdraw(disagreementId: $id, reason: $reason) { __typename ... on Error { message } } }`;

const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

let app: TestApp;
/** How far the test has moved the server's clock. */
let offset = 0;
function advance(ms: number) {
  app.advanceClock(ms);
  offset += ms;
}

/** Runs a mutation as `email` and checks it succeeded. */
async function ok(email: string, query: string, variables: Record<string, unknown>, success: string) {
  const result = await (await as(app, email)).request(query, variables);
  const field = Object.values(result.data ?? {})[0] as { __typename?: string } | undefined;
  expect(field?.__typename, result.raw).toBe(success);
  return field as any;
}

const org: Record<'socialCare' | 'police' | 'gp' | 'oakfield' | 'otherbySocialCare', string> = {} as never;
/** The seeded Oakfield child the school's records are about, and the child the police register. */
let child: { id: string; givenName: string; familyName: string; nhsNumber: string | null };
let policeChildId: string;
let otherbyChildId: string;
let from: Date;
const disagreementIds: Record<string, string> = {};
const referralIds: Record<string, string> = {};
let lateRecipientId: string;

async function raiseConcern(email: string, childId: string, narrative: string) {
  const raised = await ok(email, CONCERN, {
    input: { childId, categories: ['NEGLECT'], narrative, riskLevel: 'MEDIUM', dslInformed: true, occurredAt: new Date(Date.now() + offset - HOUR).toISOString() },
  }, 'ConcernRaiseSuccess');
  const referred = await ok(email, REFER, { id: raised.concern.id }, 'ConcernReferSuccess');
  return referred.referral.id as string;
}

async function raiseDisagreement(email: string, input: Record<string, unknown>) {
  const raised = await ok(email, RAISE, {
    input: {
      childId: globalId('Child', child.id), respondingOrganisationId: globalId('Organisation', org.socialCare),
      decisionChallenged: 'No further action on the referral', decisionDate: new Date().toISOString().slice(0, 10),
      reasonCode: 'THRESHOLD_NOT_MET', evidence: 'Third unexplained injury this term.', outcomeSought: 'A strategy discussion', immediateRisk: false,
      ...input,
    },
  }, 'DisagreementRaiseSuccess');
  return raised.disagreement.id as string;
}

const resolve = (id: string, themes: string[], systemIssueFound = false) =>
  ok(OAK.dsl, RESOLVE, {
    input: {
      disagreementId: id, outcomeStatement: 'Agreed after discussion.', themes, systemIssueFound,
      ...(systemIssueFound ? { systemIssueDetail: 'The front door could not see the school’s earlier referrals.' } : {}),
    },
  }, 'DisagreementResolveSuccess');

async function figures(email: string, period: { from: Date; to: Date } = { from, to: new Date(Date.now() + 60_000) }) {
  const result = await (await as(app, email)).request(FIGURES, { from: period.from.toISOString(), to: period.to.toISOString() });
  expect(result.errors, result.raw).toBeUndefined();
  return { figures: result.data.partnershipFigures, raw: result.raw };
}

beforeAll(async () => {
  // Sessions outlive the clock being moved on by a week or more.
  app = await startTestApp({ auth: { sessionIdleMinutes: 60 * 24 * 60, sessionMaxHours: 60 * 24 } });
  const byName = async (name: string) => (await app.db.organisation.findFirstOrThrow({ where: { name } })).id;
  org.socialCare = await byName("Northmoor County Council Children's Social Care");
  org.police = await byName('Northmoor Police – Public Protection');
  org.gp = await byName('Moorside Surgery');
  org.oakfield = await byName('Oakfield Primary School');
  org.otherbySocialCare = await byName("Otherby Borough Council Children's Social Care");
  child = await app.db.child.findFirstOrThrow({
    where: { schoolId: org.oakfield, restrictions: { none: {} }, nhsNumber: { not: null } },
    select: { id: true, givenName: true, familyName: true, nhsNumber: true },
  });
  const otherbyDsl = await app.db.user.findUniqueOrThrow({ where: { email: OTHERBY_DSL } });
  otherbyChildId = (await app.db.child.findFirstOrThrow({ where: { schoolId: otherbyDsl.organisationId, restrictions: { none: {} } } })).id;

  // The period starts a minute before the first record, and after anything the seed wrote (the
  // seed's most recent referrals may be only moments old).
  const first = Date.now();
  const seeded = await app.sql<{ latest: Date | null }>(`
    SELECT max(t) AS latest FROM (
      SELECT max("createdAt") AS t FROM referral UNION ALL SELECT max("createdAt") FROM information_request_recipient
      UNION ALL SELECT max("createdAt") FROM encompass_notification UNION ALL SELECT max("createdAt") FROM disagreement) x`);
  from = new Date(Math.max(first - 60_000, (seeded.rows[0]!.latest?.getTime() ?? 0) + 1));

  const registered = await ok(OFFICER, REGISTER, { input: { givenName: 'Rowan', familyName: 'Figgisbrook', dateOfBirth: '2016-03-04', schoolId: globalId('Organisation', org.oakfield) } }, 'ChildRegisterSuccess');
  policeChildId = registered.child.id;

  // Referrals: two from the school (one decided at once, one decided late, below) and one from
  // the police, left waiting.
  referralIds.schoolOnTime = await raiseConcern(OAK.dsl, globalId('Child', child.id), 'Came to school hungry again');
  await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: referralIds.schoolOnTime, decision: 'EARLY_HELP', rationale: 'Family support offered' } }, 'ReferralDecideSuccess');
  referralIds.schoolLate = await raiseConcern(OAK.dsl, globalId('Child', child.id), 'Bruising on both arms');
  referralIds.police = await raiseConcern(OFFICER, policeChildId, 'Child found alone at home at night');

  // Information requests: three agencies asked; the police answer the first at once, the GP late
  // (below); the second request is never answered.
  const first1 = await ok(MASH_WORKER, REQUEST, {
    input: {
      childId: globalId('Child', child.id), rag: 'AMBER', question: 'What do you hold?', purpose: 'MASH screening',
      recipientOrganisationIds: [globalId('Organisation', org.police), globalId('Organisation', org.gp)],
    },
  }, 'InformationRequestCreateSuccess');
  const recipientOf = (request: any, name: string) => request.recipients.find((r: any) => r.organisation.name === name).id as string;
  await ok(OFFICER, ANSWER, { input: { recipientId: recipientOf(first1.request, 'Northmoor Police – Public Protection'), response: 'Two call-outs this year.', nothingHeld: false } }, 'InformationRequestRespondSuccess');
  lateRecipientId = recipientOf(first1.request, 'Moorside Surgery');
  await ok(MASH_WORKER, REQUEST, {
    input: { childId: globalId('Child', child.id), rag: 'AMBER', question: 'Anything known?', purpose: 'MASH screening', recipientOrganisationIds: [globalId('Organisation', org.police)] },
  }, 'InformationRequestCreateSuccess');

  // Operation Encompass: one sent as the officer leaves the incident (in time) and acknowledged,
  // one about an incident three weeks ago (long after the next school day).
  const notify = (incidentAt: Date) =>
    ok(OFFICER, NOTIFY, {
      input: {
        childId: policeChildId, policeReference: 'NMP-25-000777', incidentAt: incidentAt.toISOString(), location: '3 Fell Road, Northmoor',
        childPresent: true, circumstances: 'Argument between the parents.',
      },
    }, 'EncompassNotifySuccess');
  const onTime = await notify(new Date());
  await ok(OAK.dsl, ACKNOWLEDGE, { id: onTime.notification.id }, 'EncompassAcknowledgeSuccess');
  await notify(new Date(Date.now() - 21 * 24 * HOUR));

  // Disagreements, all raised now: three to be resolved (two at stage 1, one at stage 2), one
  // withdrawn, one left open at stage 1, and an urgent one at stage 4 on a 4-hour clock.
  disagreementIds.d1 = await raiseDisagreement(OAK.dsl, {});
  disagreementIds.d2 = await raiseDisagreement(OAK.dsl, { reasonCode: 'MORE_INFORMATION_REQUESTED' });
  disagreementIds.d3 = await raiseDisagreement(OAK.dsl, { reasonCode: 'INFORMATION_NOT_SHARED', respondingOrganisationId: globalId('Organisation', org.police) });
  await ok(OAK.dsl, ESCALATE, { id: disagreementIds.d3, reason: 'Practitioners could not agree' }, 'DisagreementEscalateSuccess');
  disagreementIds.d4 = await raiseDisagreement(OAK.dsl, {});
  await ok(OAK.dsl, WITHDRAW, { id: disagreementIds.d4, reason: 'Resolved informally' }, 'DisagreementWithdrawSuccess');
  disagreementIds.d5 = await raiseDisagreement(OAK.dsl, { respondingOrganisationId: globalId('Organisation', org.police) });
  disagreementIds.d6 = await raiseDisagreement(OAK.dsl, {
    reasonCode: 'CHILD_PROTECTION_PROCEDURES', urgency: 'URGENT', urgentReason: 'Child due home tonight', startAtStage: 4,
  });

  // Another partnership's records, made in the same period: they must never count.
  await raiseConcern(OTHERBY_DSL, globalId('Child', otherbyChildId), 'Otherby concern');
  await ok(OTHERBY_DSL, RAISE, {
    input: {
      childId: globalId('Child', otherbyChildId), respondingOrganisationId: globalId('Organisation', org.otherbySocialCare),
      decisionChallenged: 'No further action', decisionDate: new Date().toISOString().slice(0, 10), reasonCode: 'THRESHOLD_NOT_MET',
      evidence: 'Evidence', outcomeSought: 'An assessment', immediateRisk: false,
    },
  }, 'DisagreementRaiseSuccess');

  // Resolved 2, 5 and 9 hours after they were raised; the GP answers 9 hours in (6 allowed).
  advance(2 * HOUR);
  await resolve(disagreementIds.d1!, ['cumulative harm', 'threshold']);
  advance(3 * HOUR);
  await resolve(disagreementIds.d2!, ['cumulative harm', 'information sharing'], true);
  advance(4 * HOUR);
  await resolve(disagreementIds.d3!, [' Cumulative Harm ', 'information sharing', 'threshold']);
  await ok(GP, ANSWER, { input: { recipientId: lateRecipientId, nothingHeld: true } }, 'InformationRequestRespondSuccess');
});
afterAll(() => app?.close());

describe('the figures a partnership watches', () => {
  it('counts exactly what was built in the period, nine hours on', async () => {
    const before = Date.now();
    const { figures: f } = await figures(BUSINESS_MANAGER);
    expect(f.__typename).toBe('PartnershipFigures');
    expect(new Date(f.asOf).getTime()).toBeGreaterThanOrEqual(before + offset - 1000);

    expect(f.referrals).toEqual({
      total: 3,
      bySourceAgencyType: [{ agencyType: 'SCHOOL', count: 2 }, { agencyType: 'POLICE', count: 1 }],
      decided: 1,
      decidedWithinTime: 1,
      shareDecidedWithinOneWorkingDay: 1,
    });
    // Three agencies asked; the police in time, the GP three hours late, the second request not at all.
    expect(f.informationRequests).toEqual({ recipientsAsked: 3, answered: 2, answeredByDueTime: 1, overdueNow: 1 });
    expect(f.encompass).toEqual({ sent: 2, deliveredBeforeNextSchoolDay: 1, acknowledged: 1 });

    const { medianHoursToResolution, p90HoursToResolution, ...d } = f.disagreements;
    expect(d).toEqual({
      opened: 6,
      byReason: [
        { reasonCode: 'THRESHOLD_NOT_MET', count: 3 },
        { reasonCode: 'CHILD_PROTECTION_PROCEDURES', count: 1 },
        { reasonCode: 'INFORMATION_NOT_SHARED', count: 1 },
        { reasonCode: 'MORE_INFORMATION_REQUESTED', count: 1 },
      ],
      byAgencyPair: [
        { raisingAgencyType: 'SCHOOL', respondingAgencyType: 'SOCIAL_CARE', count: 4 },
        { raisingAgencyType: 'SCHOOL', respondingAgencyType: 'POLICE', count: 2 },
      ],
      openByCurrentStage: [{ position: 1, count: 1 }, { position: 4, count: 1 }],
      byStatus: [{ status: 'OPEN', count: 2 }, { status: 'RESOLVED', count: 3 }, { status: 'WITHDRAWN', count: 1 }],
      resolved: 3,
      resolvedAtStage: [{ position: 1, count: 2, share: 0.6667 }, { position: 2, count: 1, share: 0.3333 }],
      shareResolvedAtStageOne: 0.6667,
      // Only the urgent stage 4 (4 hours) is past its deadline; stage 1 has five working days.
      stagesOverdueNow: 1,
      // Counted whatever the case and spaces, in the spelling most used.
      themes: [{ theme: 'cumulative harm', count: 3 }, { theme: 'information sharing', count: 2 }, { theme: 'threshold', count: 2 }],
      systemIssuesFound: 1,
    });
    // 2, 5 and 9 hours: the median is 5; the 90th percentile interpolates 80% of the way from 5 to 9.
    expect(medianHoursToResolution).toBeCloseTo(5, 1);
    expect(p90HoursToResolution).toBeCloseTo(8.2, 1);
  });

  it('counts an open stage as overdue once the clock passes its deadline, and a late front-door decision as late', async () => {
    const stage = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreementId: decode(disagreementIds.d5!), exitedAt: null } });
    expect(stage.position).toBe(1);
    // A minute past the deadline: before any grace period could move it up.
    advance(stage.dueAt.getTime() + 60_000 - (Date.now() + offset));
    await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: referralIds.schoolLate, decision: 'SECTION_17_ASSESSMENT', rationale: 'Assessment needed' } }, 'ReferralDecideSuccess');

    const { figures: f } = await figures(BUSINESS_MANAGER);
    expect(f.disagreements.stagesOverdueNow).toBe(2);
    expect(f.referrals).toMatchObject({ total: 3, decided: 2, decidedWithinTime: 1, shareDecidedWithinOneWorkingDay: 0.5 });
    expect(f.informationRequests.overdueNow).toBe(1);
    // Every officer of the partnership, and its administrator, reads the same figures.
    for (const email of OFFICERS.slice(1)) {
      const other = await figures(email, { from: new Date(f.from), to: new Date(f.to) });
      expect({ ...other.figures, asOf: null }, email).toEqual({ ...f, asOf: null });
    }
  });

  it('never counts another partnership’s records', async () => {
    const to = new Date(Date.now() + 60_000);
    // The other partnership's referral and disagreement are in the period...
    const otherby = await app.sql<{ referrals: number; disagreements: number; stages: number }>(
      `SELECT (SELECT count(*)::int FROM referral r JOIN partnership p ON p.id = r."partnershipId" WHERE p.code = 'otherby' AND r."createdAt" >= $1 AND r."createdAt" < $2) AS referrals,
              (SELECT count(*)::int FROM disagreement d JOIN partnership p ON p.id = d."partnershipId" WHERE p.code = 'otherby' AND d."createdAt" >= $1 AND d."createdAt" < $2) AS disagreements,
              (SELECT count(*)::int FROM disagreement_stage s JOIN partnership p ON p.id = s."partnershipId" WHERE p.code = 'otherby' AND s."exitedAt" IS NULL) AS stages`,
      [from, to],
    );
    expect(otherby.rows[0]).toEqual({ referrals: 1, disagreements: 1, stages: 1 });
    // ...and Northmoor's figures are Northmoor's alone.
    const { figures: f } = await figures(BUSINESS_MANAGER, { from, to });
    expect(f.referrals.total).toBe(3);
    expect(f.disagreements.opened).toBe(6);
    expect(f.disagreements.byAgencyPair.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(6);
  });

  it('agrees with independent SQL over a period that takes in the seeded referrals', async () => {
    const period = { from: new Date(Date.now() - 2 * 365 * 24 * HOUR), to: new Date(Date.now() + 60_000) };
    const { figures: f } = await figures(BUSINESS_MANAGER, period);
    const expected = await app.sql<{ agency: string; total: number; decided: number; within: number }>(
      `SELECT o."agencyType"::text AS agency, count(*)::int AS total, count(r."decidedAt")::int AS decided,
              count(*) FILTER (WHERE r."decidedWithinTime")::int AS within
       FROM referral r JOIN organisation o ON o.id = r."fromOrganisationId" JOIN partnership p ON p.id = r."partnershipId"
       WHERE p.code = 'northmoor' AND r."createdAt" >= $1 AND r."createdAt" < $2 GROUP BY 1`,
      [period.from, period.to],
    );
    const sum = (k: 'total' | 'decided' | 'within') => expected.rows.reduce((n, r) => n + r[k], 0);
    expect(sum('total')).toBeGreaterThan(3);
    expect(f.referrals).toMatchObject({ total: sum('total'), decided: sum('decided'), decidedWithinTime: sum('within') });
    expect(f.referrals.shareDecidedWithinOneWorkingDay).toBeCloseTo(sum('within') / sum('decided'), 3);
    expect([...f.referrals.bySourceAgencyType].sort((a: any, b: any) => a.agencyType.localeCompare(b.agencyType))).toEqual(
      expected.rows.map((r) => ({ agencyType: r.agency, count: r.total })).sort((a, b) => a.agencyType.localeCompare(b.agencyType)),
    );
  });

  it('contains counts and durations only: no child’s name, id or NHS number', async () => {
    const { raw } = await figures(BUSINESS_MANAGER);
    const registered = await app.db.child.findUniqueOrThrow({ where: { id: decode(policeChildId) } });
    for (const value of [child.givenName, child.familyName, child.nhsNumber!, child.id, globalId('Child', child.id), registered.id, 'Rowan', 'Figgisbrook']) {
      expect(raw).not.toContain(value);
    }
  });

  it('audits each read, with the period and no child', async () => {
    const manager = await app.db.user.findUniqueOrThrow({ where: { email: BUSINESS_MANAGER } });
    const before = await app.db.auditEvent.count({ where: { action: 'figures.read' } });
    const { figures: f } = await figures(BUSINESS_MANAGER);
    const events = await app.db.auditEvent.findMany({ where: { action: 'figures.read' }, orderBy: { seq: 'desc' }, take: 1 });
    expect(await app.db.auditEvent.count({ where: { action: 'figures.read' } })).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorUserId: manager.id, childId: null, subjectId: null, detail: { from: f.from, to: f.to } });
  });

  it('takes the same number of SQL statements for two years of records as for a few minutes', async () => {
    const client = await as(app, BUSINESS_MANAGER);
    const count = async (period: { from: Date; to: Date }) => {
      app.queries.length = 0;
      const result = await client.request(FIGURES, { from: period.from.toISOString(), to: period.to.toISOString() });
      expect(result.data.partnershipFigures.__typename).toBe('PartnershipFigures');
      return app.queries.length;
    };
    const narrow = await count({ from, to: new Date(Date.now() + 60_000) });
    const wide = await count({ from: new Date(Date.now() - 2 * 365 * 24 * HOUR), to: new Date(Date.now() + 60_000) });
    expect(wide).toBe(narrow);
    expect(narrow).toBeLessThanOrEqual(12);
  });
});

describe('refusals and bad periods', () => {
  it('refuses everyone but the partnership’s officers and administrator', async () => {
    const before = await app.db.auditEvent.count({ where: { action: 'figures.read' } });
    for (const email of [OAK.dsl, SOCIAL_WORKER, IG_LEAD, OFFICER, OTHERBY_DSL]) {
      const result = await (await as(app, email)).request(FIGURES, { from: from.toISOString(), to: new Date().toISOString() });
      expect(result.data.partnershipFigures.__typename, email).toBe('NotAuthorisedError');
      expect(result.raw, email).not.toContain('"total"');
    }
    expect(await app.db.auditEvent.count({ where: { action: 'figures.read' } })).toBe(before);
  });

  it('refuses a period that ends before it starts, is empty, or is longer than three years, naming the field', async () => {
    const start = new Date('2024-01-01T00:00:00Z');
    const cases: [Date, Date][] = [
      [start, new Date('2023-12-31T00:00:00Z')],
      [start, start],
      [start, new Date('2027-01-01T00:00:01Z')],
    ];
    for (const [f, t] of cases) {
      const result = await figures(BUSINESS_MANAGER, { from: f, to: t });
      expect(result.figures.__typename, `${f.toISOString()} – ${t.toISOString()}`).toBe('ValidationError');
      expect(result.figures.fieldErrors).toEqual([{ field: 'to', path: ['to'], message: expect.any(String) }]);
    }
    // Exactly three years is allowed.
    expect((await figures(BUSINESS_MANAGER, { from: start, to: new Date('2027-01-01T00:00:00Z') })).figures.__typename).toBe('PartnershipFigures');
  });

  it('answers an empty period with zeros and nulls', async () => {
    const { figures: f } = await figures(BUSINESS_MANAGER, { from: new Date('2001-01-01T00:00:00Z'), to: new Date('2001-02-01T00:00:00Z') });
    expect(f.referrals).toEqual({ total: 0, bySourceAgencyType: [], decided: 0, decidedWithinTime: 0, shareDecidedWithinOneWorkingDay: null });
    expect(f.disagreements).toMatchObject({
      opened: 0, resolved: 0, resolvedAtStage: [], shareResolvedAtStageOne: null, medianHoursToResolution: null, p90HoursToResolution: null,
      themes: [], byStatus: [{ status: 'OPEN', count: 0 }, { status: 'RESOLVED', count: 0 }, { status: 'WITHDRAWN', count: 0 }],
    });
    // Overdue stages are counted whenever their disagreement was opened.
    expect(f.disagreements.stagesOverdueNow).toBe(2);
  });
});
