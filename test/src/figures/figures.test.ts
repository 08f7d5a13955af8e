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
      referrals {
        total bySourceAgencyType { agencyType count } decided decidedWithinTime decidedLate undecidedOverdue late pendingNotYetDue shareDecidedWithinTime
      }
      referralBacklog { awaitingDecision overdue overdueUnderOneDay overdueOneToSevenDays overdueOverSevenDays }
      informationRequests { recipientsAsked answered answeredByDueTime answeredLate overdueNow late pendingNotYetDue shareAnsweredByDueTime }
      encompass {
        sent deliveredBeforeNextSchoolDay acknowledged acknowledgedBeforeNextSchoolDay acknowledgedLate unacknowledgedOverdue late pendingNotYetDue
        shareAcknowledgedBeforeNextSchoolDay
      }
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
    __typename ... on Error { message } ... on InformationRequestCreateSuccess { request { id recipients { id organisation { name } } } } } }`;
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

const recipientOf = (request: any, name: string) => request.recipients.find((r: any) => r.organisation.name === name).id as string;

/** The MASH asks agencies (AMBER: 6 calendar hours) what they hold on the school's child; returns the request. */
async function ask(question: string, organisationIds: string[]) {
  const asked = await ok(MASH_WORKER, REQUEST, {
    input: {
      childId: globalId('Child', child.id), rag: 'AMBER', question, purpose: 'MASH screening',
      recipientOrganisationIds: organisationIds.map((id) => globalId('Organisation', id)),
    },
  }, 'InformationRequestCreateSuccess');
  return asked.request;
}

/** The police answer a request they were asked. */
const policeAnswer = (request: any, response: string) =>
  ok(OFFICER, ANSWER, { input: { recipientId: recipientOf(request, 'Northmoor Police – Public Protection'), response, nothingHeld: false } }, 'InformationRequestRespondSuccess');

/** The police tell the school of an incident; returns the notification's id. */
async function notify(incidentAt: Date) {
  const sent = await ok(OFFICER, NOTIFY, {
    input: {
      childId: policeChildId, policeReference: 'NMP-25-000777', incidentAt: incidentAt.toISOString(), location: '3 Fell Road, Northmoor',
      childPresent: true, circumstances: 'Argument between the parents.',
    },
  }, 'EncompassNotifySuccess');
  return sent.notification.id as string;
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

  // The seed leaves the front door a queue of undecided referrals, due at times relative to when
  // the template was seeded. The front door decides them first, so the backlog (which is not
  // limited to a period) holds only what this file builds and its numbers can be exact.
  const queue = await app.sql<{ id: string }>(
    `SELECT r.id FROM referral r JOIN partnership p ON p.id = r."partnershipId" WHERE p.code = 'northmoor' AND r."decidedAt" IS NULL`,
  );
  expect(queue.rows.length).toBeGreaterThan(0);
  for (const { id } of queue.rows) {
    await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: globalId('Referral', id), decision: 'NO_FURTHER_ACTION', rationale: 'Seeded queue cleared' } }, 'ReferralDecideSuccess');
  }

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
  const first1 = await ask('What do you hold?', [org.police, org.gp]);
  await policeAnswer(first1, 'Two call-outs this year.');
  lateRecipientId = recipientOf(first1, 'Moorside Surgery');
  await ask('Anything known?', [org.police]);

  // Operation Encompass: one sent as the officer leaves the incident (in time) and acknowledged,
  // one about an incident three weeks ago (long after the next school day).
  await ok(OAK.dsl, ACKNOWLEDGE, { id: await notify(new Date()) }, 'EncompassAcknowledgeSuccess');
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

    // The two undecided referrals are due at close of business on the next working day: not yet.
    expect(f.referrals).toEqual({
      total: 3,
      bySourceAgencyType: [{ agencyType: 'SCHOOL', count: 2 }, { agencyType: 'POLICE', count: 1 }],
      decided: 1,
      decidedWithinTime: 1,
      decidedLate: 0,
      undecidedOverdue: 0,
      late: 0,
      pendingNotYetDue: 2,
      shareDecidedWithinTime: 1,
    });
    expect(f.referralBacklog).toEqual({ awaitingDecision: 2, overdue: 0, overdueUnderOneDay: 0, overdueOneToSevenDays: 0, overdueOverSevenDays: 0 });
    // Three agencies asked; the police in time, the GP three hours late, the second request not at
    // all: one in time out of three, not one out of the two answered.
    expect(f.informationRequests).toEqual({
      recipientsAsked: 3, answered: 2, answeredByDueTime: 1, answeredLate: 1, overdueNow: 1, late: 2, pendingNotYetDue: 0, shareAnsweredByDueTime: 0.3333,
    });
    // The notification about the incident three weeks ago was due at the school long ago and is
    // still not acknowledged: late.
    expect(f.encompass).toEqual({
      sent: 2, deliveredBeforeNextSchoolDay: 1, acknowledged: 1,
      acknowledgedBeforeNextSchoolDay: 1, acknowledgedLate: 0, unacknowledgedOverdue: 1, late: 1, pendingNotYetDue: 0, shareAcknowledgedBeforeNextSchoolDay: 0.5,
    });

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
    // The police referral, never decided, is now past its deadline: it counts as late with the
    // one decided late, so one of three was on time (the decided ones alone would say half).
    expect(f.referrals).toMatchObject({
      total: 3, decided: 2, decidedWithinTime: 1, decidedLate: 1, undecidedOverdue: 1, late: 2, pendingNotYetDue: 0, shareDecidedWithinTime: 0.3333,
    });
    // It alone waits, at least four days past its deadline (five working days have gone by).
    expect(f.referralBacklog).toMatchObject({ awaitingDecision: 1, overdue: 1, overdueUnderOneDay: 0 });
    expect(f.referralBacklog.overdueOneToSevenDays + f.referralBacklog.overdueOverSevenDays).toBe(1);
    expect(f.informationRequests).toMatchObject({ overdueNow: 1, late: 2, shareAnsweredByDueTime: 0.3333 });
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
    const expected = await app.sql<{ agency: string; total: number; decided: number; within: number; overdue: number }>(
      `SELECT o."agencyType"::text AS agency, count(*)::int AS total, count(r."decidedAt")::int AS decided,
              count(*) FILTER (WHERE r."decidedWithinTime")::int AS within,
              count(*) FILTER (WHERE r."decidedAt" IS NULL AND r."decisionDueAt" < $3)::int AS overdue
       FROM referral r JOIN organisation o ON o.id = r."fromOrganisationId" JOIN partnership p ON p.id = r."partnershipId"
       WHERE p.code = 'northmoor' AND r."createdAt" >= $1 AND r."createdAt" < $2 GROUP BY 1`,
      [period.from, period.to, new Date(f.asOf)],
    );
    const sum = (k: 'total' | 'decided' | 'within' | 'overdue') => expected.rows.reduce((n, r) => n + r[k], 0);
    expect(sum('total')).toBeGreaterThan(3);
    expect(f.referrals).toMatchObject({ total: sum('total'), decided: sum('decided'), decidedWithinTime: sum('within'), undecidedOverdue: sum('overdue') });
    // Late: decided after the deadline, or still undecided after it.
    expect(f.referrals.shareDecidedWithinTime).toBeCloseTo(sum('within') / (sum('decided') + sum('overdue')), 3);
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
    expect(f.referrals).toEqual({
      total: 0, bySourceAgencyType: [], decided: 0, decidedWithinTime: 0, decidedLate: 0, undecidedOverdue: 0, late: 0, pendingNotYetDue: 0, shareDecidedWithinTime: null,
    });
    expect(f.informationRequests).toMatchObject({ recipientsAsked: 0, late: 0, shareAnsweredByDueTime: null });
    expect(f.encompass).toMatchObject({ sent: 0, late: 0, shareAcknowledgedBeforeNextSchoolDay: null });
    // The backlog is now, whatever the period: the police referral still waits.
    expect(f.referralBacklog).toMatchObject({ awaitingDecision: 1, overdue: 1 });
    expect(f.disagreements).toMatchObject({
      opened: 0, resolved: 0, resolvedAtStage: [], shareResolvedAtStageOne: null, medianHoursToResolution: null, p90HoursToResolution: null,
      themes: [], byStatus: [{ status: 'OPEN', count: 0 }, { status: 'RESOLVED', count: 0 }, { status: 'WITHDRAWN', count: 0 }],
    });
    // Overdue stages are counted whenever their disagreement was opened.
    expect(f.disagreements.stagesOverdueNow).toBe(2);
  });
});

describe('on time, late and not yet due, and the backlog now', () => {
  it('counts what is not done by its deadline as late, leaves out what is not yet due, and bands the waiting referrals by how long overdue', async () => {
    // The police referral is decided at last (late): from here the backlog is this test's own.
    await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: referralIds.police, decision: 'EARLY_HELP', rationale: 'Family support offered' } }, 'ReferralDecideSuccess');
    // Records are stamped with the database's time (createdAt), which the moved clock does not move.
    const start = new Date();
    const read = async () => (await figures(BUSINESS_MANAGER, { from: start, to: new Date(Date.now() + 60_000) })).figures;

    // Four referrals from the school: one decided at once, three left waiting (all due at the
    // same close of business).
    const [decidedAtOnce, decidedLate, waiting1, waiting2] = [
      await raiseConcern(OAK.dsl, globalId('Child', child.id), 'Said there was no food at home'),
      await raiseConcern(OAK.dsl, globalId('Child', child.id), 'Fell asleep in class again'),
      await raiseConcern(OAK.dsl, globalId('Child', child.id), 'New bruise on the cheek'),
      await raiseConcern(OAK.dsl, globalId('Child', child.id), 'Would not go home at the end of the day'),
    ];
    await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: decidedAtOnce, decision: 'EARLY_HELP', rationale: 'Family support offered' } }, 'ReferralDecideSuccess');
    const dues = await app.db.referral.findMany({ where: { id: { in: [decidedLate, waiting1, waiting2].map(decode) } }, select: { decisionDueAt: true } });
    expect(new Set(dues.map((r) => r.decisionDueAt.getTime())).size).toBe(1);
    const dueAt = dues[0]!.decisionDueAt.getTime();

    // Three Operation Encompass notifications about an incident a minute ago: one acknowledged at
    // once, one to be acknowledged late, one never.
    const incidentAt = new Date(Date.now() + offset - 60_000);
    await ok(OAK.dsl, ACKNOWLEDGE, { id: await notify(incidentAt) }, 'EncompassAcknowledgeSuccess');
    const acknowledgedLate = await notify(incidentAt);
    await notify(incidentAt);

    // The police and the GP asked (AMBER, 6 hours): the police answer at once, the GP never. A
    // second request to the GP is withdrawn (no operation withdraws one yet: its status is set
    // here), so its silence is never late.
    await policeAnswer(await ask('Anything since last month?', [org.police, org.gp]), 'Nothing new.');
    const withdrawn = await ask('Any missed appointments?', [org.gp]);
    await app.sql(`UPDATE information_request SET status = 'WITHDRAWN' WHERE id = $1`, [decode(withdrawn.id)]);

    // Nothing is due yet: what is waiting is left out of every share, which counts only what was done on time.
    let f = await read();
    expect(f.referrals).toEqual({
      total: 4, bySourceAgencyType: [{ agencyType: 'SCHOOL', count: 4 }], decided: 1,
      decidedWithinTime: 1, decidedLate: 0, undecidedOverdue: 0, late: 0, pendingNotYetDue: 3, shareDecidedWithinTime: 1,
    });
    expect(f.referralBacklog).toEqual({ awaitingDecision: 3, overdue: 0, overdueUnderOneDay: 0, overdueOneToSevenDays: 0, overdueOverSevenDays: 0 });
    expect(f.encompass).toEqual({
      sent: 3, deliveredBeforeNextSchoolDay: 3, acknowledged: 1,
      acknowledgedBeforeNextSchoolDay: 1, acknowledgedLate: 0, unacknowledgedOverdue: 0, late: 0, pendingNotYetDue: 2, shareAcknowledgedBeforeNextSchoolDay: 1,
    });
    expect(f.informationRequests).toEqual({
      recipientsAsked: 3, answered: 1, answeredByDueTime: 1, answeredLate: 0, overdueNow: 0, late: 0, pendingNotYetDue: 1, shareAnsweredByDueTime: 1,
    });

    // Two hours past the referrals' deadline (the school day and the GP's six hours long gone):
    // one referral is decided and one notification acknowledged, both late.
    advance(dueAt + 2 * HOUR - (Date.now() + offset));
    await ok(SOCIAL_WORKER, DECIDE, { input: { referralId: decidedLate, decision: 'SECTION_17_ASSESSMENT', rationale: 'Assessment needed' } }, 'ReferralDecideSuccess');
    await ok(OAK.dsl, ACKNOWLEDGE, { id: acknowledgedLate }, 'EncompassAcknowledgeSuccess');
    f = await read();
    // On time: one. Late: the one decided late and the two still waiting. A quarter, not the half
    // the decided ones alone would give.
    expect(f.referrals).toMatchObject({ decided: 2, decidedWithinTime: 1, decidedLate: 1, undecidedOverdue: 2, late: 3, pendingNotYetDue: 0, shareDecidedWithinTime: 0.25 });
    expect(f.referralBacklog).toEqual({ awaitingDecision: 2, overdue: 2, overdueUnderOneDay: 2, overdueOneToSevenDays: 0, overdueOverSevenDays: 0 });
    // One acknowledged in time; one acknowledged late and one never: a third.
    expect(f.encompass).toMatchObject({
      acknowledged: 2, acknowledgedBeforeNextSchoolDay: 1, acknowledgedLate: 1, unacknowledgedOverdue: 1, late: 2, pendingNotYetDue: 0, shareAcknowledgedBeforeNextSchoolDay: 0.3333,
    });
    // The police in time; the GP, unanswered, late; the withdrawn request not counted: a half.
    expect(f.informationRequests).toMatchObject({ answered: 1, answeredByDueTime: 1, answeredLate: 0, overdueNow: 1, late: 1, pendingNotYetDue: 0, shareAnsweredByDueTime: 0.5 });

    // The two still waiting move through the bands by calendar time past their deadline.
    const bandsAt = async (pastDue: number) => {
      advance(dueAt + pastDue - (Date.now() + offset));
      const { overdueUnderOneDay, overdueOneToSevenDays, overdueOverSevenDays, ...rest } = (await read()).referralBacklog;
      expect(rest).toEqual({ awaitingDecision: 2, overdue: 2 });
      return [overdueUnderOneDay, overdueOneToSevenDays, overdueOverSevenDays];
    };
    const MINUTE = 60_000;
    expect(await bandsAt(24 * HOUR + MINUTE)).toEqual([0, 2, 0]);
    expect(await bandsAt(7 * 24 * HOUR - MINUTE)).toEqual([0, 2, 0]);
    expect(await bandsAt(7 * 24 * HOUR + MINUTE)).toEqual([0, 0, 2]);
  });
});
