// The partnership's working calendar is configuration: the administrator sets office hours,
// the bank-holiday region and closure days, and every deadline follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as } from '../access/fixtures.ts';

const ADMIN = 'partnership.admin@partnership.northmoor.example';
const UPDATE = /* GraphQL */ `
  mutation($input: PartnershipCalendarInput!) { partnershipCalendarUpdate(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on PartnershipCalendar { officeOpens officeCloses holidayRegion closureDays { date description } } } }`;
const PREVIEW = /* GraphQL */ `
  query($from: DateTime) { escalationLadderPreview(stageLimit: { amount: 1, clock: WORKING_DAYS }, from: $from) {
    __typename ... on LadderDeadlinePreview { dueAt } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('the working calendar', () => {
  it('the administrator adds a closure day and changes office hours; deadlines follow', async () => {
    const admin = await as(app, ADMIN);
    // Monday 2 March 2026, 10:00 London: one working day is Tuesday 17:00.
    const from = '2026-03-02T10:00:00.000Z';
    expect((await admin.request(PREVIEW, { from })).data.escalationLadderPreview.dueAt).toBe('2026-03-03T17:00:00.000Z');
    const updated = await admin.request(UPDATE, {
      input: { officeOpens: '08:30', officeCloses: '16:30', addClosureDays: [{ date: '2026-03-03', description: 'Staff training day' }] },
    });
    expect(updated.data.partnershipCalendarUpdate).toMatchObject({ officeOpens: '08:30', officeCloses: '16:30', holidayRegion: 'GB_ENG' });
    expect(updated.data.partnershipCalendarUpdate.closureDays).toContainEqual({ date: '2026-03-03', description: 'Staff training day' });
    // Tuesday is closed: Wednesday at the new closing time.
    expect((await admin.request(PREVIEW, { from })).data.escalationLadderPreview.dueAt).toBe('2026-03-04T16:30:00.000Z');
    expect(await app.db.auditEvent.count({ where: { action: 'calendar.update' } })).toBe(1);
  });

  it('refuses anyone but the administrator, and times that make no sense', async () => {
    const dsl = await as(app, OAK.dsl);
    expect((await dsl.request(UPDATE, { input: { officeOpens: '07:00' } })).data.partnershipCalendarUpdate.__typename).toBe('NotAuthorisedError');
    const admin = await as(app, ADMIN);
    expect((await admin.request(UPDATE, { input: { officeOpens: '9am' } })).data.partnershipCalendarUpdate.fieldErrors)
      .toEqual([{ field: 'officeOpens', message: 'Write the time as HH:MM, e.g. 09:00' }]);
    expect((await admin.request(UPDATE, { input: { officeOpens: '18:00', officeCloses: '09:00' } })).data.partnershipCalendarUpdate.fieldErrors)
      .toEqual([{ field: 'officeCloses', message: 'Offices must close after they open' }]);
  });
});
