// The notification rules as a table: every kind of event, caused through the real API (or the real
// clock), reaches exactly the people the table names, in the app and by email through a real SMTP
// server, and nobody else. No child's name, date of birth, NHS number or UPN appears in any mail.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { NOTIFICATION_KINDS, sweepDeadlines, wordsFor } from '@wraparound/schema';
import { createMailTransport, deliverDueEmails, type MailTransport } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { as, globalId, REFER, SHARE } from '../access/fixtures.ts';
import { BREAK_GLASS, decode } from '../restrictions/support.ts';
import { thresholdDisagreementInput } from '../disagreements/support.ts';
import { ADMIN, RESET, VERIFY, codeAt, enrol, passwordStep, setPolicy } from '../support/secondFactor.ts';

const NM = 'northmoor.example';
const at = (role: string, org: string) => `${role}@${org}.${NM}`;
const OAK = { dsl: at('dsl', 'oakfield-primary'), deputy: at('deputy.dsl', 'oakfield-primary'), staff: at('school.staff', 'oakfield-primary'), head: at('headteacher', 'oakfield-primary') };
const SC = {
  socialWorker: at('social.worker', 'childrens-services'), mashWorker: at('mash.worker', 'childrens-services'),
  teamManager: at('team.manager', 'childrens-services'), mashManager: at('mash.manager', 'childrens-services'), headOfService: at('head.of.service', 'childrens-services'),
};
const POLICE = { officer: at('police.officer', 'public-protection'), sergeant: at('detective.sergeant', 'public-protection'), inspector: at('detective.inspector', 'public-protection') };
const GP = at('gp', 'moorside-surgery');
const HEALTH_VISITOR = at('health.visitor', 'community-health');
const PARTNERSHIP = {
  businessManager: at('business.manager', 'partnership'), dsp: at('delegated.safeguarding.partner', 'partnership'),
  scrutineer: at('independent.scrutineer', 'partnership'), igLead: at('ig.lead', 'partnership'),
};
const ICB = { nurse: at('designated.nurse', 'icb'), doctor: at('designated.doctor', 'icb') };

const RAISE_CONCERN = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ConcernRaiseSuccess { concern { id reference entry { id } } } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on ChildRegisterSuccess { child { id } } } }`;
/** A valid NHS number (modulus 11) outside the seed's range. */
const NHS_NUMBER = '9434765919';
const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;
const IR_CREATE = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on InformationRequestCreateSuccess { request { reference recipients { id organisation { name } } } } } }`;
const IR_RESPOND = /* GraphQL */ `
  mutation($input: InformationRequestRespondInput!) { informationRequestRespond(input: $input) { __typename ... on Error { message } } }`;
const ENCOMPASS = /* GraphQL */ `
  mutation($input: EncompassNotifyInput!) { encompassNotify(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on EncompassNotifySuccess { notification { reference } } } }`;
const D_RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on DisagreementRaiseSuccess { disagreement { id reference } } } }`;
const D_RESPOND = /* GraphQL */ `
  mutation($id: ID!, $discussion: String!) { disagreementRespond(disagreementId: $id, discussion: $discussion) { __typename ... on Error { message } } }`;
const D_ESCALATE = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementEscalate(disagreementId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const D_RESOLVE = /* GraphQL */ `
  mutation($input: DisagreementResolveInput!) { disagreementResolve(input: $input) { __typename ... on Error { message } } }`;
const D_WITHDRAW = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) { disagreementWithdraw(disagreementId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const LOGIN = /* GraphQL */ `
  mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password, sessionMode: BEARER_TOKEN }) { __typename } }`;

let app: TestApp;
let catcher: MailCatcher;
let transport: MailTransport;
let child: Child;
/** Each event the scenario caused: its kind and reference, and who the table says must hear of it. */
const expected: { kind: string; reference: string; to: string[] }[] = [];

async function ok(email: string, query: string, variables: Record<string, unknown>) {
  const result = await (await as(app, email)).request(query, variables);
  const payload = Object.values(result.data ?? {})[0] as { __typename: string } | undefined;
  expect(payload?.__typename, result.raw).toMatch(/Success$/);
  return payload as any;
}

const concernInput = (overrides: Record<string, unknown> = {}) => ({
  childId: globalId('Child', child.id), categories: ['PHYSICAL_ABUSE'], narrative: 'Bruising on both forearms, explained as a fall',
  riskLevel: 'MEDIUM', dslInformed: true, occurredAt: new Date(app.now().getTime() - 3600_000).toISOString(), ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  catcher = await startMailCatcher();
  transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
  const org = async (name: string) => globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { name } })).id);
  // A pupil at Oakfield whom the police have recorded, so every agency here has the child in view.
  const registered = (await ok(POLICE.officer, REGISTER, {
    input: { givenName: 'Rosalind', familyName: 'Thistlewaite', dateOfBirth: '2016-11-02', nhsNumber: NHS_NUMBER, schoolId: await org('Oakfield Primary School') },
  })).child;
  child = await app.db.child.findUniqueOrThrow({ where: { id: decode(registered.id) } });
  const userGid = async (email: string) => globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email } })).id);

  // A DSL refers a concern: the front door's deciders hear of it; the decision goes back to the DSL.
  const concern = (await ok(OAK.dsl, RAISE_CONCERN, { input: concernInput() })).concern;
  const referral = (await ok(OAK.dsl, REFER, { id: concern.id })).referral;
  expected.push({ kind: 'REFERRAL_RECEIVED', reference: concern.reference, to: [SC.socialWorker, SC.mashWorker, SC.teamManager, SC.mashManager] });
  await ok(SC.mashWorker, DECIDE, { input: { referralId: referral.id, decision: 'NO_FURTHER_ACTION', rationale: 'Below threshold; advice given' } });
  expected.push({ kind: 'REFERRAL_DECIDED', reference: concern.reference, to: [OAK.dsl] });
  // Another is left undecided (the clock, below).
  const undecided = (await ok(OAK.dsl, RAISE_CONCERN, { input: concernInput({ narrative: 'Child left alone overnight' }) })).concern;
  await ok(OAK.dsl, REFER, { id: undecided.id });
  expected.push({ kind: 'REFERRAL_RECEIVED', reference: undecided.reference, to: [SC.socialWorker, SC.mashWorker, SC.teamManager, SC.mashManager] });

  // The police share an entry with the school (its DSLs are told) and with the GP in person.
  const policeConcern = (await ok(POLICE.officer, RAISE_CONCERN, { input: concernInput({ narrative: 'Officers attended a disturbance at the home' }) })).concern;
  const policeEntry = policeConcern.entry.id;
  // The police's concern follows the school's about the same child: the front door joins the dots.
  expected.push({ kind: 'CONCERN_PATTERN', reference: policeConcern.reference, to: [SC.socialWorker, SC.mashWorker, SC.teamManager, SC.mashManager] });
  const shareInput = (recipient: Record<string, string>) => ({
    entryId: policeEntry, ...recipient, whatShared: 'Incident summary', purpose: 'Safeguarding the child', lawfulBasis: 'PUBLIC_TASK',
    specialCategoryCondition: 'DPA_SCH8_PARA4_SAFEGUARDING', consentStatus: 'NOT_SOUGHT', consentNotSoughtReason: 'WOULD_PREJUDICE_PROTECTION',
  });
  for (const [recipient, to] of [[{ recipientOrganisationId: await org('Oakfield Primary School') }, [OAK.dsl, OAK.deputy]], [{ recipientUserId: await userGid(GP) }, [GP]]] as const) {
    const before = await app.db.notificationEvent.findMany({ where: { kind: 'SHARE_RECEIVED' }, select: { id: true } });
    await ok(POLICE.officer, SHARE, { input: shareInput(recipient) });
    const event = await app.db.notificationEvent.findFirstOrThrow({ where: { kind: 'SHARE_RECEIVED', id: { notIn: before.map((e) => e.id) } } });
    expected.push({ kind: 'SHARE_RECEIVED', reference: event.reference, to: [...to] });
  }

  // MASH asks the police and the GP surgery; the surgery answers, the police do not (the clock, below).
  const request = (await ok(SC.mashWorker, IR_CREATE, {
    input: {
      childId: globalId('Child', child.id), rag: 'AMBER', question: 'What do you hold about the household?', purpose: 'MASH screening',
      recipientOrganisationIds: [await org('Northmoor Police – Public Protection'), await org('Moorside Surgery')],
    },
  })).request;
  // The police's safeguarding leads; the surgery has none, so the people who read its records.
  expected.push({ kind: 'INFORMATION_REQUEST_RECEIVED', reference: request.reference, to: [POLICE.sergeant, GP] });
  const surgeryRow = request.recipients.find((r: { organisation: { name: string } }) => r.organisation.name === 'Moorside Surgery').id;
  await ok(GP, IR_RESPOND, { input: { recipientId: surgeryRow, response: 'Registered; no consultations of concern', nothingHeld: false } });
  expected.push({ kind: 'INFORMATION_REQUEST_ANSWERED', reference: request.reference, to: [SC.mashWorker] });

  // Operation Encompass: the school's key adults, never the staff member.
  const encompass = (await ok(POLICE.officer, ENCOMPASS, {
    input: {
      childId: globalId('Child', child.id), policeReference: 'NMP-26-000123', incidentAt: new Date(app.now().getTime() - 2 * 3600_000).toISOString(),
      location: 'The family home', childPresent: true, circumstances: 'Verbal argument between adults',
    },
  })).notification;
  expected.push({ kind: 'ENCOMPASS_RECEIVED', reference: encompass.reference, to: [OAK.dsl, OAK.deputy] });

  // A disagreement climbs by hand and is resolved at stage 2.
  const raiseInput = await thresholdDisagreementInput(app);
  const first = (await ok(OAK.dsl, D_RAISE, { input: raiseInput })).disagreement;
  // Stage 1 (practitioners): the responding side; the raiser's own side already knows.
  expected.push({ kind: 'DISAGREEMENT_RAISED', reference: first.reference, to: [SC.socialWorker, SC.mashWorker] });
  await ok(SC.socialWorker, D_RESPOND, { id: first.id, discussion: 'The threshold was applied as written' });
  expected.push({ kind: 'DISAGREEMENT_RESPONDED', reference: first.reference, to: [OAK.dsl, OAK.deputy, OAK.staff, SC.mashWorker] });
  await ok(OAK.dsl, D_ESCALATE, { id: first.id, reason: 'No movement at practitioner level' });
  // Stage 2 (managers), which tells the partnership's business manager on entry.
  expected.push({ kind: 'DISAGREEMENT_ESCALATED', reference: first.reference, to: [OAK.head, SC.teamManager, SC.mashManager, PARTNERSHIP.businessManager] });
  await ok(SC.teamManager, D_RESOLVE, {
    input: { disagreementId: first.id, outcomeStatement: 'An assessment will be opened', learning: 'Share the threshold document', systemIssueFound: false },
  });
  expected.push({ kind: 'DISAGREEMENT_RESOLVED', reference: first.reference, to: [OAK.dsl, OAK.head, SC.mashManager] });

  // Another is withdrawn at stage 1.
  const second = (await ok(OAK.dsl, D_RAISE, { input: { ...raiseInput, decisionChallenged: 'Case closed after one visit' } })).disagreement;
  expected.push({ kind: 'DISAGREEMENT_RAISED', reference: second.reference, to: [SC.socialWorker, SC.mashWorker] });
  await ok(OAK.dsl, D_WITHDRAW, { id: second.id, reason: 'Resolved in a phone call' });
  expected.push({ kind: 'DISAGREEMENT_WITHDRAWN', reference: second.reference, to: [OAK.deputy, OAK.staff, SC.socialWorker, SC.mashWorker] });

  // An urgent one straight to the partnership's stage, left to run out (the clock, below).
  const third = (await ok(OAK.dsl, D_RAISE, {
    input: { ...raiseInput, decisionChallenged: 'Strategy discussion refused', urgency: 'URGENT', urgentReason: 'Child says she will run away tonight', startAtStage: 4 },
  })).disagreement;
  expected.push({ kind: 'DISAGREEMENT_RAISED', reference: third.reference, to: [PARTNERSHIP.businessManager, PARTNERSHIP.dsp] });

  // Break-glass: the IG lead.
  const grant = (await ok(SC.teamManager, BREAK_GLASS, { input: { childId: globalId('Child', child.id), reason: 'Child missing overnight; need the full history now' } })).grant;
  const breakGlassEvent = await app.db.notificationEvent.findFirstOrThrow({ where: { kind: 'BREAK_GLASS', subjectId: decode(grant.id) } });
  expected.push({ kind: 'BREAK_GLASS', reference: breakGlassEvent.reference, to: [PARTNERSHIP.igLead] });

  // Five wrong passwords lock the staff member's account: they are told (someone may be guessing).
  for (let i = 0; i < 5; i++) await app.anonymous.request(LOGIN, { email: OAK.staff, password: `wrong password ${i}` });
  const locked = await app.db.notificationEvent.findFirstOrThrow({ where: { kind: 'ACCOUNT_LOCKED' } });
  expected.push({ kind: 'ACCOUNT_LOCKED', reference: locked.reference, to: [OAK.staff] });

  // Where the partnership asks for a second factor: five wrong codes after a right password pause
  // a health visitor's sign-in, and they are told; the administrator's reset of their app too.
  await setPolicy(app, true);
  const { secret } = await enrol(app, HEALTH_VISITOR);
  for (let i = 0; i < 5; i++) {
    const asked = await passwordStep(app, HEALTH_VISITOR);
    const wrong = (await codeAt(app, secret)) === '000000' ? '111111' : '000000';
    await app.anonymous.request(VERIFY, { input: { challenge: asked.challenge, code: wrong } });
  }
  const paused = await app.db.notificationEvent.findFirstOrThrow({ where: { kind: 'SECOND_FACTOR_PAUSED' } });
  expected.push({ kind: 'SECOND_FACTOR_PAUSED', reference: paused.reference, to: [HEALTH_VISITOR] });
  await ok(ADMIN, RESET, { input: { userId: await userGid(HEALTH_VISITOR) } });
  const reset = await app.db.notificationEvent.findFirstOrThrow({ where: { kind: 'SECOND_FACTOR_RESET' } });
  expected.push({ kind: 'SECOND_FACTOR_RESET', reference: reset.reference, to: [HEALTH_VISITOR] });
  await setPolicy(app, false);

  // The urgent disagreement is reminded before its deadline (a sweep after its last reminder point).
  const urgentStage = await app.db.disagreementStage.findFirstOrThrow({ where: { disagreement: { reference: third.reference } } });
  const lastReminder = await app.db.deadline.findFirstOrThrow({ where: { subjectId: urgentStage.id, kind: 'STAGE_REMINDER' }, orderBy: { dueAt: 'desc' } });
  await sweepDeadlines(app.db, new Date(lastReminder.dueAt.getTime() + 1000));

  // A month passes: the police's answer is due soon, then overdue; the urgent disagreement runs
  // out at the final stage, and the lead partners are alerted.
  app.advanceClock(30 * 86_400_000);
  await sweepDeadlines(app.db, app.now());
  // The undecided referral: the front door's managers at its decision time, its head of service
  // some office hours later. The unread Encompass notification: the school's leads and head at the
  // start of the school day, then the police organisation that sent it.
  expected.push({ kind: 'REFERRAL_OVERDUE', reference: undecided.reference, to: [SC.teamManager, SC.mashManager] });
  expected.push({ kind: 'REFERRAL_STILL_UNDECIDED', reference: undecided.reference, to: [SC.headOfService] });
  expected.push({ kind: 'ENCOMPASS_UNACKNOWLEDGED', reference: encompass.reference, to: [OAK.dsl, OAK.deputy, OAK.head] });
  expected.push({ kind: 'ENCOMPASS_STILL_UNACKNOWLEDGED', reference: encompass.reference, to: [POLICE.inspector] });
  expected.push({ kind: 'INFORMATION_REQUEST_DUE_SOON', reference: request.reference, to: [POLICE.sergeant] });
  expected.push({ kind: 'INFORMATION_REQUEST_OVERDUE', reference: request.reference, to: [POLICE.sergeant, SC.mashWorker] });
  expected.push({ kind: 'DISAGREEMENT_DEADLINE_APPROACHING', reference: third.reference, to: [PARTNERSHIP.businessManager, PARTNERSHIP.dsp] });
  expected.push({ kind: 'DISAGREEMENT_OVERDUE', reference: third.reference, to: [PARTNERSHIP.businessManager, PARTNERSHIP.dsp] });
  expected.push({
    kind: 'DISAGREEMENT_FINAL_STAGE_EXPIRED', reference: third.reference,
    to: [SC.headOfService, POLICE.inspector, ICB.nurse, ICB.doctor, PARTNERSHIP.scrutineer, PARTNERSHIP.dsp],
  });

  // Everything due goes out through the real SMTP server.
  await deliverDueEmails(app.db, transport, { now: app.now(), maxAttempts: 3, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' });
}, 180_000);

afterAll(async () => {
  transport?.close();
  await catcher?.close();
  await app?.close();
});

/** Who each event reached, by channel: recipient emails, sorted. */
async function reached(kind: string, reference: string) {
  const events = await app.db.notificationEvent.findMany({ where: { kind, reference }, include: { notifications: true } });
  const users = new Map((await app.db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return events.map((e) => ({
    inApp: e.notifications.filter((n) => n.channel === 'IN_APP').map((n) => users.get(n.recipientUserId)!).sort(),
    email: e.notifications.filter((n) => n.channel === 'EMAIL').map((n) => users.get(n.recipientUserId)!).sort(),
  }));
}

describe('who hears of what', () => {
  it('the scenario covers every kind of event in the rules', () => {
    expect([...new Set(expected.map((e) => e.kind))].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(NOTIFICATION_KINDS.map((kind) => [kind]))('%s reaches exactly the people the table names', async (kind) => {
    const events = expected.filter((e) => e.kind === kind);
    expect(events.length, kind).toBeGreaterThan(0);
    for (const event of events) {
      const to = [...event.to].sort();
      const seen = await reached(kind, event.reference);
      expect(seen.length, `${kind} ${event.reference}`).toBeGreaterThan(0);
      // A stage reminded twice is two events; each reaches the same people.
      for (const one of seen) expect(one, `${kind} ${event.reference}`).toEqual({ inApp: to, email: to });
      // By email, through the SMTP server: one message per event per person, to them alone.
      const mails = catcher.received.filter((m) => m.subject.endsWith(`${wordsFor(kind).title} – ${event.reference}`));
      expect(mails.flatMap((m) => m.to).sort(), `${kind} ${event.reference}`).toEqual(seen.flatMap((s) => s.email).sort());
    }
  });

  it('no mail carries the child’s name, date of birth, NHS number or UPN', async () => {
    expect(catcher.received.length).toBeGreaterThan(40);
    const dob = child.dateOfBirth.toISOString().slice(0, 10);
    const [y, m, d] = dob.split('-');
    const forbidden = [child.givenName, child.familyName, dob, `${d}/${m}/${y}`, child.nhsNumber, child.upn].filter((v): v is string => Boolean(v));
    for (const mail of catcher.received) {
      for (const value of forbidden) expect(mail.raw.toLowerCase(), mail.subject).not.toContain(value.toLowerCase());
    }
  });
});
