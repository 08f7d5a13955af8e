// A missed clock reaches a person, at the moment it is missed (the clock moved, never slept), once:
// a referral undecided at its decision time, an Operation Encompass notification unacknowledged by
// the start of the school day; then the next people after the configured office hours. Who and when
// is the partnership's configuration, refused when out of range, and never anyone who could not
// open the record.
//
// The clock: Monday 24 May 2027, 10:00 BST. A referral then is due by close of business the next
// working day, Tuesday 25 May 17:00 BST; four office hours later is Wednesday 26 May 13:00 BST. An
// Encompass notification about an incident after that morning's school day began is due by the start
// of Tuesday's, 08:30 BST; two office hours later (offices open at 09:00) is 11:00 BST.
import { sweepDeadlines } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, POLICE, REFER, as, globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';

const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { id reference } } } }`;
const DECIDE = /* GraphQL */ `
  mutation($input: ReferralDecideInput!) { referralDecide(input: $input) { __typename ... on Error { message } } }`;
const ENCOMPASS = /* GraphQL */ `
  mutation($input: EncompassNotifyInput!) { encompassNotify(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on EncompassNotifySuccess { notification { id reference dueBy } } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const ACKNOWLEDGE = /* GraphQL */ `mutation($id: ID!) { encompassAcknowledge(id: $id) { __typename ... on Error { message } } }`;
const SETTINGS_FIELDS = 'referralOverdueRoles referralSeniorRoles referralSeniorAfterWorkingHours encompassOverdueRoles encompassSeniorRoles encompassSeniorAfterWorkingHours';
const SETTINGS = /* GraphQL */ `query { missedClockAlerts { ${SETTINGS_FIELDS} } }`;
const UPDATE = /* GraphQL */ `
  mutation($input: MissedClockAlertsInput!) { missedClockAlertsUpdate(input: $input) { __typename
    ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on MissedClockAlerts { ${SETTINGS_FIELDS} } } }`;

const MONDAY_10_BST = new Date('2027-05-24T09:00:00.000Z');
const REFERRAL_DUE = '2027-05-25T16:00:00.000Z';
const REFERRAL_SENIOR = '2027-05-26T12:00:00.000Z';
const ENCOMPASS_DUE = '2027-05-25T07:30:00.000Z';
const ENCOMPASS_SENIOR = '2027-05-25T10:00:00.000Z';
const SC = (who: string) => `${who}@childrens-services.northmoor.example`;

const DEFAULTS = {
  referralOverdueRoles: ['MASH_MANAGER', 'TEAM_MANAGER'], referralSeniorRoles: ['HEAD_OF_SERVICE'], referralSeniorAfterWorkingHours: 4,
  encompassOverdueRoles: ['DSL', 'DEPUTY_DSL', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD'], encompassSeniorRoles: ['DETECTIVE_INSPECTOR'], encompassSeniorAfterWorkingHours: 2,
};

let app: TestApp;
let childId: string;
/** A pupil of Oakfield the police have recorded, so they may send an Encompass notification about her. */
let policeChildId: string;
beforeAll(async () => {
  app = await startTestApp();
  app.advanceClock(MONDAY_10_BST.getTime() - Date.now());
  const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
  const child = await app.db.child.findFirstOrThrow({ where: { schoolId: oakfield.id, restrictions: { none: {} }, mergedIntoId: null } });
  childId = globalId('Child', child.id);
  const registered = await (await as(app, POLICE[0]!)).request(REGISTER, {
    input: { givenName: 'Imogen', familyName: 'Fairweather', dateOfBirth: '2017-03-14', schoolId: globalId('Organisation', oakfield.id) },
  });
  policeChildId = registered.data.childRegister.child.id;
});
afterAll(() => app?.close());

const sweepAt = (iso: string, offsetMs: number) => sweepDeadlines(app.db, new Date(Date.parse(iso) + offsetMs));

/** Who each event of `kind` about `reference` reached in the app, by email address: one list per event. */
async function told(kind: string, reference: string) {
  const events = await app.db.notificationEvent.findMany({ where: { kind, reference }, include: { notifications: { where: { channel: 'IN_APP' } } } });
  const users = new Map((await app.db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return events.map((e) => e.notifications.map((n) => users.get(n.recipientUserId)!).sort());
}

async function refer(narrative: string) {
  const dsl = await as(app, OAK.dsl);
  const raised = await dsl.request(RAISE, {
    input: { childId, categories: ['NEGLECT'], narrative, riskLevel: 'HIGH', dslInformed: true, occurredAt: new Date(app.now().getTime() - 3600_000).toISOString() },
  });
  const concern = raised.data.concernRaise.concern;
  const referred = await dsl.request(REFER, { id: concern.id });
  expect(referred.data.concernRefer.__typename, referred.raw).toBe('ConcernReferSuccess');
  return { reference: concern.reference as string, referral: referred.data.concernRefer.referral as { id: string; decisionDueAt: string } };
}

async function notifyEncompass() {
  const sent = await (await as(app, POLICE[0]!)).request(ENCOMPASS, {
    input: {
      childId: policeChildId, policeReference: `NMP-27-${Math.floor(Math.random() * 1e6)}`, incidentAt: new Date(app.now().getTime() - 1800_000).toISOString(), // after the school day began: due by the next one's start
      location: 'The family home', childPresent: true, circumstances: 'Argument between adults; police attended',
    },
  });
  expect(sent.data.encompassNotify.__typename, sent.raw).toBe('EncompassNotifySuccess');
  return sent.data.encompassNotify.notification as { id: string; reference: string; dueBy: string };
}

// The configuration tests come last: they change who is told.
describe('a referral undecided at its decision time', () => {
  it('tells the front door’s managers at the deadline and its head of service four office hours later, once each', async () => {
    const { reference, referral } = await refer('Left alone overnight, again');
    expect(referral.decisionDueAt).toBe(REFERRAL_DUE);

    await sweepAt(REFERRAL_DUE, -1000);
    expect(await told('REFERRAL_OVERDUE', reference)).toEqual([]);
    await sweepAt(REFERRAL_DUE, 1000);
    await sweepAt(REFERRAL_DUE, 2000);
    expect(await told('REFERRAL_OVERDUE', reference)).toEqual([[SC('mash.manager'), SC('team.manager')]]);

    await sweepAt(REFERRAL_SENIOR, -1000);
    expect(await told('REFERRAL_STILL_UNDECIDED', reference)).toEqual([]);
    await sweepAt(REFERRAL_SENIOR, 1000);
    await sweepAt(REFERRAL_SENIOR, 60 * 86_400_000);
    expect(await told('REFERRAL_STILL_UNDECIDED', reference)).toEqual([[SC('head.of.service')]]);
    expect(await told('REFERRAL_OVERDUE', reference)).toHaveLength(1);
  });

  it('tells nobody once it has been decided', async () => {
    const { reference, referral } = await refer('Bruise on the cheek');
    const decided = await (await as(app, SC('mash.worker'))).request(DECIDE, {
      input: { referralId: referral.id, decision: 'EARLY_HELP', rationale: 'Family agrees to early help' },
    });
    expect(decided.data.referralDecide.__typename, decided.raw).toBe('ReferralDecideSuccess');
    await sweepAt(REFERRAL_SENIOR, 60 * 86_400_000);
    expect(await told('REFERRAL_OVERDUE', reference)).toEqual([]);
    expect(await told('REFERRAL_STILL_UNDECIDED', reference)).toEqual([]);
  });
});

describe('an Operation Encompass notification unacknowledged by the start of the school day', () => {
  it('tells the school’s leads and head at the start of the day, then the sending force’s Encompass lead (its detective inspector), once each', async () => {
    const notification = await notifyEncompass();
    expect(notification.dueBy).toBe(ENCOMPASS_DUE);

    await sweepAt(ENCOMPASS_DUE, -1000);
    expect(await told('ENCOMPASS_UNACKNOWLEDGED', notification.reference)).toEqual([]);
    await sweepAt(ENCOMPASS_DUE, 1000);
    expect(await told('ENCOMPASS_UNACKNOWLEDGED', notification.reference)).toEqual([[OAK.deputy, OAK.dsl, OAK.head].sort()]);

    await sweepAt(ENCOMPASS_SENIOR, -1000);
    expect(await told('ENCOMPASS_STILL_UNACKNOWLEDGED', notification.reference)).toEqual([]);
    await sweepAt(ENCOMPASS_SENIOR, 1000);
    await sweepAt(ENCOMPASS_SENIOR, 60 * 86_400_000);
    expect(await told('ENCOMPASS_STILL_UNACKNOWLEDGED', notification.reference)).toEqual([[POLICE[2]!]]);
    expect(await told('ENCOMPASS_UNACKNOWLEDGED', notification.reference)).toHaveLength(1);
  });

  it('tells nobody once the school has acknowledged it', async () => {
    const notification = await notifyEncompass();
    const acknowledged = await (await as(app, OAK.deputy)).request(ACKNOWLEDGE, { id: notification.id });
    expect(acknowledged.data.encompassAcknowledge.__typename, acknowledged.raw).toBe('EncompassAcknowledgeSuccess');
    await sweepAt(ENCOMPASS_SENIOR, 60 * 86_400_000);
    expect(await told('ENCOMPASS_UNACKNOWLEDGED', notification.reference)).toEqual([]);
    expect(await told('ENCOMPASS_STILL_UNACKNOWLEDGED', notification.reference)).toEqual([]);
  });
});

describe('who is told, as configuration', () => {
  const settings = async () => (await (await as(app, EMAIL.admin)).request(SETTINGS)).data.missedClockAlerts;
  const update = async (email: string, input: object) => (await (await as(app, email)).request(UPDATE, { input })).data.missedClockAlertsUpdate;

  it('has sensible defaults that everyone can read', async () => {
    expect(await settings()).toEqual(DEFAULTS);
    expect((await (await as(app, OAK.dsl)).request(SETTINGS)).data.missedClockAlerts).toEqual(DEFAULTS);
  });

  it('is changed by the partnership administrator only', async () => {
    expect(await update(OAK.dsl, { referralSeniorAfterWorkingHours: 8 })).toMatchObject({ __typename: 'NotAuthorisedError' });
    expect(await settings()).toEqual(DEFAULTS);
  });

  it('refuses roles that could not open the record, no roles, and hours out of range, naming each field, and changes nothing', async () => {
    const refused = await update(EMAIL.admin, {
      referralOverdueRoles: ['DSL'],
      referralSeniorRoles: [],
      referralSeniorAfterWorkingHours: 0,
      encompassOverdueRoles: ['SCHOOL_STAFF', 'DSL'],
      encompassSeniorRoles: ['DSL'],
      encompassSeniorAfterWorkingHours: 81,
    });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fieldErrors).toEqual([
      { field: 'referralOverdueRoles', message: 'Only roles that can open the record can be told: dsl cannot (choose from social worker, mash worker, team manager, mash manager, head of service)' },
      { field: 'referralSeniorRoles', message: 'Choose at least one role to tell at the front door' },
      { field: 'referralSeniorAfterWorkingHours', message: 'Give at least 1 office hour' },
      { field: 'encompassOverdueRoles', message: 'Only roles that can open the record can be told: school staff cannot (choose from dsl, deputy dsl, headteacher, trust safeguarding lead)' },
      { field: 'encompassSeniorRoles', message: 'Only roles that can open the record can be told: dsl cannot (choose from police officer, detective sergeant, detective inspector, mash police researcher)' },
      { field: 'encompassSeniorAfterWorkingHours', message: 'Give at most 80 office hours (ten working days)' },
    ]);
    expect(await settings()).toEqual(DEFAULTS);
  });

  it('once changed, decides who is told and when', async () => {
    const changed = await update(EMAIL.admin, { referralOverdueRoles: ['MASH_MANAGER'], referralSeniorRoles: ['TEAM_MANAGER', 'HEAD_OF_SERVICE'], referralSeniorAfterWorkingHours: 8 });
    expect(changed).toMatchObject({ __typename: 'MissedClockAlerts', referralOverdueRoles: ['MASH_MANAGER'], referralSeniorAfterWorkingHours: 8, encompassSeniorAfterWorkingHours: 2 });
    const { reference } = await refer('Not collected from school');
    await sweepAt(REFERRAL_DUE, 1000);
    expect(await told('REFERRAL_OVERDUE', reference)).toEqual([[SC('mash.manager')]]);
    // Eight office hours after Tuesday's close: Wednesday's close, 17:00 BST.
    await sweepAt('2027-05-26T16:00:00.000Z', -1000);
    expect(await told('REFERRAL_STILL_UNDECIDED', reference)).toEqual([]);
    await sweepAt('2027-05-26T16:00:00.000Z', 1000);
    expect(await told('REFERRAL_STILL_UNDECIDED', reference)).toEqual([[SC('head.of.service'), SC('team.manager')]]);
  });

  it('sends an unacknowledged Encompass notification up to the police roles chosen', async () => {
    const changed = await update(EMAIL.admin, { encompassSeniorRoles: ['DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR'] });
    expect(changed).toMatchObject({ __typename: 'MissedClockAlerts', encompassSeniorRoles: ['DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR'] });
    const notification = await notifyEncompass();
    await sweepAt(ENCOMPASS_SENIOR, 1000);
    expect(await told('ENCOMPASS_STILL_UNACKNOWLEDGED', notification.reference)).toEqual([[POLICE[1]!, POLICE[2]!].sort()]);
  });
});
