// The ladder's clock on the calendar, stated as dates a practitioner would read off a wall planner,
// not read back from the code under test: the default ladder's stage 1 is five working days, then
// one working day's grace, each ending at close of business (17:00 local).
//
// Raised on Monday 24 May 2027 at 10:00 (BST). Monday 31 May is the spring bank holiday, so the
// five working days are Tue 25, Wed 26, Thu 27, Fri 28 May and Tue 1 June: due Tuesday 1 June at
// 17:00 BST (16:00Z). The grace is Wednesday 2 June: it moves up at 17:00 BST that day (16:00Z).
import { sweepDeadlines } from '@wraparound/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, as } from '../access/fixtures.ts';
import { thresholdDisagreementInput } from './support.ts';

const RAISE = /* GraphQL */ `
  mutation($input: DisagreementRaiseInput!) { disagreementRaise(input: $input) {
    __typename ... on DisagreementRaiseSuccess { disagreement { id } } } }`;
const GET = /* GraphQL */ `
  query($id: ID!) { disagreement(id: $id) { currentPosition stages { position enteredAt dueAt escalatesAt exit } } }`;

const RAISED_AT = new Date('2027-05-24T09:00:00.000Z'); // Monday 24 May 2027, 10:00 BST
const DUE = '2027-06-01T16:00:00.000Z'; // Tuesday 1 June 2027, 17:00 BST
const ESCALATES = '2027-06-02T16:00:00.000Z'; // Wednesday 2 June 2027, 17:00 BST

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.advanceClock(RAISED_AT.getTime() - Date.now());
});
afterAll(() => app?.close());

describe('the ladder’s clock on the calendar', () => {
  it('is due after five working days (skipping a bank holiday) and moves up after one more', async () => {
    const dsl = await as(app, OAK.dsl);
    const input = { ...(await thresholdDisagreementInput(app)), decisionDate: '2027-05-21' };
    const raised = await dsl.request(RAISE, { input });
    expect(raised.data.disagreementRaise.__typename).toBe('DisagreementRaiseSuccess');
    const id = raised.data.disagreementRaise.disagreement.id as string;
    const get = async () => (await dsl.request(GET, { id })).data.disagreement;

    expect((await get()).stages).toEqual([
      { position: 1, enteredAt: expect.stringMatching(/^2027-05-24T09:0/), dueAt: DUE, escalatesAt: ESCALATES, exit: null },
    ]);

    // A second before the grace runs out it is still at stage 1; a second after, at stage 2,
    // entered at the moment the grace ran out.
    await sweepDeadlines(app.db, new Date(Date.parse(ESCALATES) - 1000));
    expect((await get()).currentPosition).toBe(1);
    await sweepDeadlines(app.db, new Date(Date.parse(ESCALATES) + 1000));
    const moved = await get();
    expect(moved.currentPosition).toBe(2);
    expect(moved.stages[0]).toMatchObject({ position: 1, exit: 'ESCALATED_BY_CLOCK' });
    expect(moved.stages[1]).toMatchObject({ position: 2, enteredAt: ESCALATES, exit: null });
  });
});
