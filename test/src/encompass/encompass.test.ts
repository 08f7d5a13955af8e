// Operation Encompass through the API: a police officer tells a child's school about a
// domestic-abuse incident; the school's DSL group (not its staff member) sees it, due by the next
// school day's 08:30, and acknowledges it. Plus who is refused, and bad input: a clear error
// naming the field, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, MASH_POLICE, OAK, OTHERBY_DSL, POLICE, as, globalId } from '../access/fixtures.ts';

let app: TestApp;
let childId: string; // registered by the police, at Oakfield Primary
let noSchoolChildId: string; // registered by the police, no school recorded
let oakfieldId: string;

const OFFICER = POLICE[0]!;
const SERGEANT = POLICE[1]!;
const OTHERBY_POLICE = 'police.officer@police.otherby.example';
const ST_AIDANS_DSL = 'dsl@st-aidans-primary.northmoor.example';

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const NOTIFY = /* GraphQL */ `
  mutation($input: EncompassNotifyInput!) { encompassNotify(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on EncompassNotifySuccess { notification { id reference dueBy deliveredAt deliveredBeforeNextSchoolDay acknowledgedAt school { name } } } } }`;
const LIST = /* GraphQL */ `
  query($unacknowledgedOnly: Boolean) { encompassNotifications(first: 100, unacknowledgedOnly: $unacknowledgedOnly) { edges { node {
    id reference policeReference incidentAt location childPresent childsVoice circumstances dueBy deliveredAt
    deliveredBeforeNextSchoolDay acknowledgedAt school { name } policeOrganisation { name } child { id givenName familyName dateOfBirth } } } } }`;
const ACKNOWLEDGE = /* GraphQL */ `
  mutation($id: ID!) { encompassAcknowledge(id: $id) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on EncompassAcknowledgeSuccess { notification { id acknowledgedAt } } } }`;
const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { kind summary categories sensitive } } } }`;

const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

beforeAll(async () => {
  app = await startTestApp();
  oakfieldId = (await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } })).id;
  // Distinct names and dates of birth, so registration's duplicate check has nothing to match.
  const register = async (givenName: string, familyName: string, dateOfBirth: string, schoolId?: string) => {
    const result = await (await as(app, OFFICER)).request(REGISTER, {
      input: { givenName, familyName, dateOfBirth, ...(schoolId ? { schoolId: globalId('Organisation', schoolId) } : {}) },
    });
    expect(result.data.childRegister.__typename, result.raw).toBe('ChildRegisterSuccess');
    return decode(result.data.childRegister.child.id);
  };
  childId = await register('Ellie', 'Kestrelwood', '2017-02-03', oakfieldId);
  noSchoolChildId = await register('Noah', 'Brackenridge', '2015-09-14');
});
afterAll(() => app?.close());

const notifyInput = (overrides: Record<string, unknown> = {}) => ({
  childId: globalId('Child', childId),
  policeReference: 'NMP-24-118273',
  incidentAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  location: '14 Moor Lane, Northmoor',
  childPresent: true,
  childsVoice: 'Ellie was in her bedroom and said she heard shouting.',
  circumstances: 'Verbal argument between the parents; one arrested.',
  ...overrides,
});

async function counts() {
  const [notifications, entries, shares, deadlines, audit] = await Promise.all([
    app.db.encompassNotification.count(), app.db.chronologyEntry.count(), app.db.share.count(), app.db.deadline.count(),
    app.db.auditEvent.count({ where: { action: { notIn: ['session.login', 'encompass.list'] } } }),
  ]);
  return { notifications, entries, shares, deadlines, audit };
}

/** The local date and time in London of an instant, e.g. ['2025-05-06', '08:30', 'Tue']. */
function london(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' })
      .formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`, parts.weekday];
}

describe('an Operation Encompass notification, from the police to the school’s DSL', () => {
  it('police notify → the DSL group sees it, due by the next school day’s 08:30 → the DSL acknowledges; the staff member never sees it', async () => {
    const before = await counts();
    const officer = await as(app, OFFICER);
    // Sent as the officer leaves the incident, so it is delivered before the next school day
    // whatever the time of day the test runs.
    const incidentAt = new Date().toISOString();
    const sent = await officer.request(NOTIFY, { input: notifyInput({ incidentAt }) });
    expect(sent.data.encompassNotify.__typename, sent.raw).toBe('EncompassNotifySuccess');
    const notification = sent.data.encompassNotify.notification;
    expect(notification.reference).toMatch(/^ENC-[2-9A-HJ-NP-Z]{6}$/);
    expect(notification).toMatchObject({ school: { name: 'Oakfield Primary School' }, acknowledgedAt: null, deliveredBeforeNextSchoolDay: true });
    // Due at 08:30 London time on a weekday after the incident: the start of the next school day.
    const [, time, weekday] = london(notification.dueBy);
    expect(time).toBe('08:30');
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(weekday);
    expect(new Date(notification.dueBy).getTime()).toBeGreaterThan(new Date(incidentAt).getTime());
    expect(new Date(notification.dueBy).getTime() - new Date(incidentAt).getTime()).toBeLessThan(6 * 86_400_000);
    expect(new Date(notification.deliveredAt).getTime()).toBeLessThanOrEqual(new Date(notification.dueBy).getTime());

    // Entry, notification, share to the school, deadline, audit: written together.
    expect(await counts()).toEqual({
      notifications: before.notifications + 1, entries: before.entries + 1, shares: before.shares + 1, deadlines: before.deadlines + 1, audit: before.audit + 1,
    });
    const row = await app.db.encompassNotification.findUniqueOrThrow({ where: { id: decode(notification.id) } });
    const officerUser = await app.db.user.findUniqueOrThrow({ where: { email: OFFICER } });
    expect(row).toMatchObject({ childId, schoolId: oakfieldId, policeOrganisationId: officerUser.organisationId, createdById: officerUser.id });
    const entry = await app.db.chronologyEntry.findUniqueOrThrow({ where: { id: row.entryId }, include: { shares: true } });
    expect(entry).toMatchObject({ kind: 'ENCOMPASS_NOTIFICATION', organisationId: officerUser.organisationId, sensitive: true, categories: ['DOMESTIC_ABUSE'] });
    expect(entry.shares.map((s) => [s.recipientOrganisationId, s.decision, s.lawfulBasis, s.specialCategoryCondition, s.purpose])).toEqual([
      [oakfieldId, 'SHARE', 'PUBLIC_TASK', 'DPA_SCH8_PARA4_SAFEGUARDING', 'Operation Encompass'],
    ]);
    const deadline = await app.db.deadline.findFirstOrThrow({ where: { kind: 'ENCOMPASS_DUE', subjectId: row.id } });
    expect(deadline).toMatchObject({ state: 'PENDING', dueAt: row.dueBy });
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'encompass.notify', subjectId: row.id } });
    expect(audit).toMatchObject({ actorUserId: officerUser.id, childId, subjectType: 'EncompassNotification' });

    // The DSL, deputy and headteacher see it, with what docs/domain.md says it carries.
    for (const email of [OAK.dsl, OAK.deputy, OAK.head]) {
      const listed = (await (await as(app, email)).request(LIST, { unacknowledgedOnly: true })).data.encompassNotifications.edges.map((e: any) => e.node);
      expect(listed.find((n: any) => n.reference === notification.reference), email).toMatchObject({
        policeReference: 'NMP-24-118273', location: '14 Moor Lane, Northmoor', childPresent: true,
        childsVoice: 'Ellie was in her bedroom and said she heard shouting.', circumstances: 'Verbal argument between the parents; one arrested.',
        dueBy: notification.dueBy, acknowledgedAt: null, deliveredBeforeNextSchoolDay: true,
        policeOrganisation: { name: 'Northmoor Police – Public Protection' },
        child: { id: globalId('Child', childId), givenName: 'Ellie', familyName: 'Kestrelwood', dateOfBirth: '2017-02-03' },
      });
    }
    // The DSL reads it in the child's chronology too; the staff member neither lists nor reads it.
    const dsl = await as(app, OAK.dsl);
    const dslChronology = (await dsl.request(CHRONOLOGY, { id: globalId('Child', childId) })).data.chronology.edges.map((e: any) => e.node.kind);
    expect(dslChronology).toContain('ENCOMPASS_NOTIFICATION');
    const staff = await as(app, OAK.staff);
    expect((await staff.request(LIST)).data.encompassNotifications.edges).toEqual([]);
    const staffChronology = (await staff.request(CHRONOLOGY, { id: globalId('Child', childId) })).data.chronology.edges.map((e: any) => e.node.kind);
    expect(staffChronology).not.toContain('ENCOMPASS_NOTIFICATION');

    // Neither the staff member nor the police may acknowledge for the school.
    for (const email of [OAK.staff, OFFICER, ST_AIDANS_DSL]) {
      const refused = await (await as(app, email)).request(ACKNOWLEDGE, { id: notification.id });
      expect(refused.data.encompassAcknowledge, email).toEqual({ __typename: 'NotFoundError', message: 'No Operation Encompass notification with that id for your school' });
    }
    const acknowledged = await dsl.request(ACKNOWLEDGE, { id: notification.id });
    expect(acknowledged.data.encompassAcknowledge.__typename, acknowledged.raw).toBe('EncompassAcknowledgeSuccess');
    expect(acknowledged.data.encompassAcknowledge.notification.acknowledgedAt).not.toBeNull();
    const twice = await (await as(app, OAK.deputy)).request(ACKNOWLEDGE, { id: notification.id });
    expect(twice.data.encompassAcknowledge).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ field: 'id', message: 'This notification has been acknowledged already' }] });

    const unacknowledged = (await dsl.request(LIST, { unacknowledgedOnly: true })).data.encompassNotifications.edges.map((e: any) => e.node.reference);
    expect(unacknowledged).not.toContain(notification.reference);
    const all = (await dsl.request(LIST)).data.encompassNotifications.edges.map((e: any) => e.node);
    expect(all.find((n: any) => n.reference === notification.reference).acknowledgedAt).toBe(acknowledged.data.encompassAcknowledge.notification.acknowledgedAt);
    expect((await app.db.deadline.findFirstOrThrow({ where: { kind: 'ENCOMPASS_DUE', subjectId: row.id } })).state).toBe('DONE');
    const dslUser = await app.db.user.findUniqueOrThrow({ where: { email: OAK.dsl } });
    const ackAudits = await app.db.auditEvent.findMany({ where: { action: 'encompass.acknowledge', subjectId: row.id } });
    expect(ackAudits.map((a) => [a.actorUserId, a.childId])).toEqual([[dslUser.id, childId]]);

    // The police organisation that sent it sees it; another police team does not.
    const policeRefs = async (email: string) => (await (await as(app, email)).request(LIST)).data.encompassNotifications.edges.map((e: any) => e.node.reference);
    expect(await policeRefs(OFFICER)).toContain(notification.reference);
    expect(await policeRefs(SERGEANT)).toContain(notification.reference);
    expect(await policeRefs(MASH_POLICE)).not.toContain(notification.reference);
  });

  it('an incident on a Friday night before a bank-holiday Monday is due on Tuesday at 08:30 (BST); sent days later it was not on time', async () => {
    // Friday 2 May 2025, 22:00 BST; Monday 5 May was the Early May bank holiday.
    const sent = await (await as(app, OFFICER)).request(NOTIFY, { input: notifyInput({ incidentAt: '2025-05-02T21:00:00Z', policeReference: 'NMP-25-000001' }) });
    expect(sent.data.encompassNotify.notification, sent.raw).toMatchObject({ dueBy: '2025-05-06T07:30:00.000Z', deliveredBeforeNextSchoolDay: false });
    expect(london(sent.data.encompassNotify.notification.dueBy)).toEqual(['2025-05-06', '08:30', 'Tue']);
  });
});

describe('who may send and who may see', () => {
  it('only police practitioners may send; a school, health, social care or the partnership is refused and nothing is written', async () => {
    const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, include: { organisation: true }, orderBy: { email: 'asc' } });
    const failures: string[] = [];
    for (const user of users) {
      if (user.organisation.agencyType === 'POLICE') continue;
      const before = await counts();
      const result = await (await as(app, user.email)).request(NOTIFY, { input: notifyInput() });
      if (result.data?.encompassNotify?.__typename !== 'NotAuthorisedError') failures.push(`${user.email}: ${result.raw}`);
      if (JSON.stringify(await counts()) !== JSON.stringify(before)) failures.push(`${user.email}: something was written`);
    }
    expect(failures).toEqual([]);
    const school = await (await as(app, OAK.dsl)).request(NOTIFY, { input: notifyInput() });
    expect(school.data.encompassNotify).toEqual({ __typename: 'NotAuthorisedError', message: 'Only the police send Operation Encompass notifications' });
  });

  it('the MASH police researcher may send for a child they can see', async () => {
    const result = await (await as(app, MASH_POLICE)).request(NOTIFY, { input: notifyInput({ policeReference: 'NMP-24-200000' }) });
    expect(result.data.encompassNotify.__typename, result.raw).toBe('EncompassNotifySuccess');
  });

  it('a police officer of another partnership cannot notify about a Northmoor child and sees nothing', async () => {
    const otherby = await as(app, OTHERBY_POLICE);
    const before = await counts();
    const result = await otherby.request(NOTIFY, { input: notifyInput() });
    expect(result.data.encompassNotify.fieldErrors).toEqual([{ field: 'childId', message: 'Select a child you can see in your partnership' }]);
    expect(await counts()).toEqual(before);
    expect((await otherby.request(LIST)).data.encompassNotifications.edges).toEqual([]);
    expect((await (await as(app, OTHERBY_DSL)).request(LIST)).data.encompassNotifications.edges).toEqual([]);
  });

  it('nobody but the school’s DSL group and the sending police organisation lists them', async () => {
    expect(await app.db.encompassNotification.count({ where: { schoolId: oakfieldId } })).toBeGreaterThan(0);
    for (const email of [OAK.staff, GP, ...FRONT_DOOR, 'ig.lead@partnership.northmoor.example', 'partnership.admin@partnership.northmoor.example']) {
      const listed = await (await as(app, email)).request(LIST);
      expect(listed.data.encompassNotifications.edges, email).toEqual([]);
    }
    // Another school's DSL lists its own school's only (the demo has some), never Oakfield's.
    const stAidans = (await (await as(app, ST_AIDANS_DSL)).request(LIST)).data.encompassNotifications.edges;
    const schools = new Set(stAidans.map((e: { node: { school: { name: string } } }) => e.node.school.name));
    expect(schools.has('Oakfield Primary School')).toBe(false);
    expect([...schools].every((name) => name === "St Aidan's CofE Primary School")).toBe(true);
  });
});

describe('bad input: a clear error naming the field, and nothing written', () => {
  it('a notification for a child with no school recorded', async () => {
    const before = await counts();
    const result = await (await as(app, OFFICER)).request(NOTIFY, { input: notifyInput({ childId: globalId('Child', noSchoolChildId) }) });
    expect(result.data.encompassNotify.__typename).toBe('ValidationError');
    expect(result.data.encompassNotify.fieldErrors).toHaveLength(1);
    expect(result.data.encompassNotify.fieldErrors[0].field).toBe('childId');
    expect(result.data.encompassNotify.fieldErrors[0].message).toMatch(/^No school is recorded for this child: /);
    expect(await counts()).toEqual(before);
  });

  it('an incident in the future, with no police reference, place or circumstances', async () => {
    const before = await counts();
    const result = await (await as(app, OFFICER)).request(NOTIFY, {
      input: notifyInput({ incidentAt: new Date(Date.now() + 86_400_000).toISOString(), policeReference: ' ', location: '', circumstances: '  ' }),
    });
    expect(result.data.encompassNotify.fieldErrors).toEqual([
      { field: 'policeReference', message: 'Enter the police reference' },
      { field: 'incidentAt', message: 'When the incident happened must be now or in the past' },
      { field: 'location', message: 'Enter where the incident happened' },
      { field: 'circumstances', message: 'Enter the circumstances' },
    ]);
    expect(await counts()).toEqual(before);
  });
});
