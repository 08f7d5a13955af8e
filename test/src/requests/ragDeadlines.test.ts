// The partnership's RAG deadlines for MASH information requests are configuration: everyone reads
// them, the administrator changes all three at once. New requests get the new deadlines; requests
// already made keep theirs. Amounts out of range, and a more urgent rating that would fall due
// after a less urgent one made at the same moment, are refused against their field, writing
// nothing. Nobody else changes them, and each partnership's are its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONT_DOOR, OAK, as, globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const MASH_WORKER = FRONT_DOOR[1]!;
const READ = /* GraphQL */ `query { ragDeadlines { rag amount clock description } }`;
const UPDATE = /* GraphQL */ `
  mutation($input: RagDeadlinesInput!) { ragDeadlinesUpdate(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on RagDeadlinesUpdateSuccess { ragDeadlines { rag amount clock description } } } }`;
const CREATE = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) {
    __typename ... on InformationRequestCreateSuccess { request { id rag dueAt createdAt } } } }`;
const PREVIEW = /* GraphQL */ `
  query($amount: Int!, $clock: ClockKind!, $from: DateTime) { escalationLadderPreview(stageLimit: { amount: $amount, clock: $clock }, from: $from) {
    __typename ... on LadderDeadlinePreview { dueAt } } }`;

const SEEDED = [
  { rag: 'RED', amount: 2, clock: 'CALENDAR_HOURS', description: '2 hours' },
  { rag: 'AMBER', amount: 6, clock: 'CALENDAR_HOURS', description: '6 hours' },
  { rag: 'GREEN', amount: 24, clock: 'CALENDAR_HOURS', description: '24 hours' },
];
const limit = (amount: number, clock = 'CALENDAR_HOURS') => ({ amount, clock });
const settings = (red: object, amber: object, green: object) => ({ red, amber, green });

let app: TestApp;
let childId: string;
let recipients: string[];
beforeAll(async () => {
  app = await startTestApp();
  childId = globalId('Child', (await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } })).id);
  recipients = [globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { name: 'Moorside Surgery' } })).id)];
});
afterAll(() => app?.close());

async function ask(rag: string) {
  const result = await (await as(app, MASH_WORKER)).request(CREATE, {
    input: { childId, rag, question: 'What do you hold?', purpose: 'MASH screening', recipientOrganisationIds: recipients },
  });
  expect(result.data.informationRequestCreate.__typename, result.raw).toBe('InformationRequestCreateSuccess');
  return result.data.informationRequestCreate.request as { id: string; rag: string; dueAt: string; createdAt: string };
}
const snapshot = async () => ({
  rows: await app.db.ragDeadline.findMany({ orderBy: { id: 'asc' } }),
  audit: await app.db.auditEvent.count({ where: { action: 'ragDeadlines.update' } }),
});

describe('RAG deadlines', () => {
  it('everyone reads them; the administrator changes them; new requests follow and earlier ones keep theirs', async () => {
    expect((await (await as(app, OAK.dsl)).request(READ)).data.ragDeadlines).toEqual(SEEDED);
    const amberBefore = await ask('AMBER');
    const deadlinesBefore = await app.db.deadline.findMany({ orderBy: { id: 'asc' } });

    const admin = await as(app, EMAIL.admin);
    const updated = (await admin.request(UPDATE, { input: settings(limit(4), limit(8, 'WORKING_HOURS'), limit(3, 'WORKING_DAYS')) })).data.ragDeadlinesUpdate;
    expect(updated).toEqual({
      __typename: 'RagDeadlinesUpdateSuccess',
      ragDeadlines: [
        { rag: 'RED', amount: 4, clock: 'CALENDAR_HOURS', description: '4 hours' },
        { rag: 'AMBER', amount: 8, clock: 'WORKING_HOURS', description: '8 working hours' },
        { rag: 'GREEN', amount: 3, clock: 'WORKING_DAYS', description: '3 working days' },
      ],
    });
    expect((await (await as(app, MASH_WORKER)).request(READ)).data.ragDeadlines).toEqual(updated.ragDeadlines);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'ragDeadlines.update' } });
    expect(audit.detail).toEqual({
      before: ['RED 2 hours', 'AMBER 6 hours', 'GREEN 24 hours'],
      after: ['RED 4 hours', 'AMBER 8 working hours', 'GREEN 3 working days'],
    });

    // The request already made keeps its 6 hours, and so do its clock's deadlines.
    const stored = await app.db.informationRequest.findFirstOrThrow({ where: { rag: 'AMBER' }, orderBy: { createdAt: 'desc' } });
    expect(stored.dueAt.toISOString()).toBe(amberBefore.dueAt);
    expect(Date.parse(amberBefore.dueAt) - Date.parse(amberBefore.createdAt)).toBeCloseTo(6 * 3600_000, -4);
    expect(await app.db.deadline.findMany({ where: { id: { in: deadlinesBefore.map((d) => d.id) } }, orderBy: { id: 'asc' } })).toEqual(deadlinesBefore);

    // A new amber request gets 8 office hours from when it was made, in the partnership's calendar.
    const amberAfter = await ask('AMBER');
    const expected = (await admin.request(PREVIEW, { amount: 8, clock: 'WORKING_HOURS', from: amberAfter.createdAt })).data.escalationLadderPreview.dueAt;
    expect(Math.abs(Date.parse(amberAfter.dueAt) - Date.parse(expected))).toBeLessThan(5_000);
    const red = await ask('RED');
    expect(Date.parse(red.dueAt) - Date.parse(red.createdAt)).toBeCloseTo(4 * 3600_000, -4);
  });

  it('refuses amounts out of range and a more urgent rating that could fall due later, and writes nothing', async () => {
    const admin = await as(app, EMAIL.admin);
    const before = await snapshot();
    const refused = async (input: object) => {
      const answer = (await admin.request(UPDATE, { input })).data.ragDeadlinesUpdate;
      expect(answer.__typename).toBe('ValidationError');
      return answer.fieldErrors;
    };
    expect(await refused(settings(limit(0), limit(-3, 'WORKING_HOURS'), limit(11, 'WORKING_DAYS')))).toEqual([
      { path: ['input', 'red', 'amount'], message: 'Enter a whole number more than 0' },
      { path: ['input', 'amber', 'amount'], message: 'Enter a whole number more than 0' },
      { path: ['input', 'green', 'amount'], message: 'A deadline can be at most 10 working days' },
    ]);
    expect(await refused(settings(limit(169), limit(81, 'WORKING_HOURS'), limit(24)))).toEqual([
      { path: ['input', 'red', 'amount'], message: 'A deadline can be at most 168 hours' },
      { path: ['input', 'amber', 'amount'], message: 'A deadline can be at most 80 working hours' },
    ]);
    // Same clock: plainly longer.
    expect(await refused(settings(limit(10), limit(6), limit(5)))).toEqual([
      { path: ['input', 'red', 'amount'], message: 'Red must not be slower than amber: 10 hours is longer than 6 hours' },
      { path: ['input', 'amber', 'amount'], message: 'Amber must not be slower than green: 6 hours is longer than 5 hours' },
    ]);
    // Different clocks: 1 working day from a Monday morning is Tuesday's close, after 6 hours round the clock.
    expect(await refused(settings(limit(1, 'WORKING_DAYS'), limit(6), limit(24)))).toEqual([
      { path: ['input', 'red', 'amount'], message: 'Red must not be slower than amber: a request made on a Monday at 00:00 would be due in 41 hours as red but in 6 hours as amber' },
    ]);
    // 8 office hours is never later than 72 hours round the clock, except over a long weekend.
    expect(await refused(settings(limit(8, 'WORKING_HOURS'), limit(72), limit(5, 'WORKING_DAYS')))).toEqual([
      { path: ['input', 'red', 'amount'], message: expect.stringMatching(/^Red must not be slower than amber: a request made on a Thursday at \d\d:\d\d before a bank holiday would be due in \d+ hours( \d+ minutes)? as red but in 72 hours as amber$/) },
    ]);
    expect(await snapshot()).toEqual(before);

    // Equal is allowed, and so are clocks that can never cross.
    const fine = (await admin.request(UPDATE, { input: settings(limit(2), limit(2, 'WORKING_HOURS'), limit(2, 'WORKING_DAYS')) })).data.ragDeadlinesUpdate;
    expect(fine.__typename).toBe('RagDeadlinesUpdateSuccess');
  });

  it('nobody but the administrator changes them, and an administrator changes only their own partnership’s', async () => {
    const before = await snapshot();
    for (const email of [OAK.dsl, EMAIL.igLead, MASH_WORKER]) {
      expect((await (await as(app, email)).request(UPDATE, { input: settings(limit(1), limit(2), limit(3)) })).data.ragDeadlinesUpdate)
        .toEqual({ __typename: 'NotAuthorisedError', message: 'Only the partnership administrator changes the RAG deadlines' });
    }
    expect(await snapshot()).toEqual(before);
    // Otherby keeps its own deadlines whatever Northmoor's administrator does.
    expect((await (await as(app, EMAIL.otherbyDsl)).request(READ)).data.ragDeadlines).toEqual(SEEDED);
  });
});
