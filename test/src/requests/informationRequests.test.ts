// MASH information requests through the API: the front door asks two agencies what they hold on a
// child, each answers, and the answers arrive in the requester's view of the child's chronology
// (and nobody else's); an unanswered request goes overdue by the partnership's RAG deadline.
// Plus who is refused, and bad input: a clear error naming the field, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, GP, MASH_POLICE, OAK, OTHERBY_DSL, POLICE, as, globalId } from '../access/fixtures.ts';

let app: TestApp;
let childId: string;
let otherChildId: string;
const org: Record<'socialCare' | 'police' | 'gp' | 'oakfield' | 'community' | 'partnership' | 'otherbyPolice', string> = {} as never;

const MASH_WORKER = FRONT_DOOR[1]!;
const OFFICER = POLICE[0]!;
const HEALTH_VISITOR = 'health.visitor@community-health.northmoor.example';
const OTHERBY_POLICE = 'police.officer@police.otherby.example';
const OTHERBY_SOCIAL_WORKER = 'social.worker@childrens-services.otherby.example';

const CREATE = /* GraphQL */ `
  mutation($input: InformationRequestCreateInput!) { informationRequestCreate(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on InformationRequestCreateSuccess { request { id reference rag dueAt status overdue
      recipients { id dueAt respondedAt organisation { name } } } } } }`;
const RESPOND = /* GraphQL */ `
  mutation($input: InformationRequestRespondInput!) { informationRequestRespond(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on InformationRequestRespondSuccess { recipient { id respondedAt response nothingHeld overdue request { status } } } } }`;
const RECEIVED = /* GraphQL */ `
  query($overdueOnly: Boolean) { informationRequestsReceived(first: 100, overdueOnly: $overdueOnly) { edges { node {
    id dueAt respondedAt overdue organisation { name }
    request { reference question purpose rag status subject { givenName familyName dateOfBirth } requestingOrganisation { name }
      recipients { id organisation { name } response } } } } } }`;
const SENT = /* GraphQL */ `
  query { informationRequestsSent(first: 100) { edges { node {
    id reference status overdue dueAt child { id }
    recipients { organisation { name } dueAt respondedAt response nothingHeld overdue } } } } }`;
const CHRONOLOGY = /* GraphQL */ `
  query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { id kind summary detail sensitive organisation { name } } } } }`;

const decode = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

beforeAll(async () => {
  // Sessions outlive the clock being moved forward past a deadline.
  app = await startTestApp({ auth: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 7 * 24 } });
  const child = await app.db.child.findFirstOrThrow({ where: { school: { name: 'Oakfield Primary School' }, restrictions: { none: {} } } });
  childId = child.id;
  otherChildId = (await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } })).id;
  const byName = async (name: string) => (await app.db.organisation.findFirstOrThrow({ where: { name } })).id;
  org.socialCare = await byName("Northmoor County Council Children's Social Care");
  org.police = await byName('Northmoor Police – Public Protection');
  org.gp = await byName('Moorside Surgery');
  org.oakfield = await byName('Oakfield Primary School');
  org.community = await byName('Northmoor Community Health NHS Trust');
  org.partnership = await byName('Northmoor Safeguarding Children Partnership – Business Unit');
  org.otherbyPolice = (await app.db.organisation.findFirstOrThrow({ where: { partnership: { code: 'otherby' }, agencyType: 'POLICE' } })).id;
});
afterAll(() => app?.close());

const requestInput = (overrides: Record<string, unknown> = {}) => ({
  childId: globalId('Child', childId),
  rag: 'AMBER',
  question: 'What do you hold on this child and their household?',
  purpose: 'MASH screening of a referral about bruising',
  recipientOrganisationIds: [globalId('Organisation', org.police), globalId('Organisation', org.gp)],
  ...overrides,
});

async function counts() {
  const [requests, recipients, deadlines, entries, shares, audit] = await Promise.all([
    app.db.informationRequest.count(), app.db.informationRequestRecipient.count(), app.db.deadline.count(),
    app.db.chronologyEntry.count(), app.db.share.count(),
    app.db.auditEvent.count({ where: { action: { notIn: ['session.login', 'informationRequest.listReceived', 'informationRequest.listSent'] } } }),
  ]);
  return { requests, recipients, deadlines, entries, shares, audit };
}

async function create(email: string, overrides: Record<string, unknown> = {}) {
  const result = await (await as(app, email)).request(CREATE, { input: requestInput(overrides) });
  expect(result.data?.informationRequestCreate?.__typename, result.raw).toBe('InformationRequestCreateSuccess');
  return result.data.informationRequestCreate.request;
}

describe('an information request, from asking to every agency’s answer', () => {
  it('MASH asks police and the GP → both answer → ANSWERED; the requester reads both answers in the chronology', async () => {
    const before = await counts();
    const asked = Date.now();
    const request = await create(MASH_WORKER);
    expect(request.reference).toMatch(/^REQ-[2-9A-HJ-NP-Z]{6}$/);
    expect(request).toMatchObject({ rag: 'AMBER', status: 'OPEN', overdue: false });
    // Northmoor's amber deadline: 6 calendar hours (partnership configuration).
    const due = new Date(request.dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(asked + 6 * 3600_000 - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 6 * 3600_000 + 1000);
    expect(request.recipients.map((r: { organisation: { name: string } }) => r.organisation.name).sort()).toEqual(['Moorside Surgery', 'Northmoor Police – Public Protection']);
    for (const r of request.recipients) expect(r).toMatchObject({ dueAt: request.dueAt, respondedAt: null });

    // One request, two rows, two deadlines per row (due soon, due), one audit event: nothing else.
    expect(await counts()).toEqual({ ...before, requests: before.requests + 1, recipients: before.recipients + 2, deadlines: before.deadlines + 4, audit: before.audit + 1 });
    const recipientIds = request.recipients.map((r: { id: string }) => decode(r.id)).sort();
    const deadlines = await app.db.deadline.findMany({ where: { subjectId: { in: recipientIds } }, orderBy: [{ kind: 'asc' }, { subjectId: 'asc' }] });
    // In the enum's order: due soon, then due.
    expect(deadlines.map((d) => [d.kind, d.state])).toEqual([
      ['INFORMATION_REQUEST_DUE_SOON', 'PENDING'], ['INFORMATION_REQUEST_DUE_SOON', 'PENDING'],
      ['INFORMATION_REQUEST_DUE', 'PENDING'], ['INFORMATION_REQUEST_DUE', 'PENDING'],
    ]);
    for (const d of deadlines) {
      if (d.kind === 'INFORMATION_REQUEST_DUE') expect(d.dueAt.toISOString()).toBe(request.dueAt);
      else expect(d.dueAt.getTime()).toBeLessThan(Date.parse(request.dueAt));
    }
    const requester = await app.db.user.findUniqueOrThrow({ where: { email: MASH_WORKER } });
    const created = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'informationRequest.create', subjectId: decode(request.id) } });
    expect(created).toMatchObject({ actorUserId: requester.id, childId, subjectType: 'InformationRequest', purpose: 'MASH screening of a referral about bruising' });

    // Each asked agency sees the question and who it is about, and only its own row.
    const police = await as(app, OFFICER);
    const policeInbox = await police.request(RECEIVED);
    const policeRow = policeInbox.data.informationRequestsReceived.edges.map((e: any) => e.node).find((n: any) => n.request.reference === request.reference);
    const child = await app.db.child.findUniqueOrThrow({ where: { id: childId } });
    expect(policeRow).toMatchObject({
      organisation: { name: 'Northmoor Police – Public Protection' }, respondedAt: null, overdue: false,
      request: {
        question: 'What do you hold on this child and their household?', rag: 'AMBER', status: 'OPEN',
        subject: { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth.toISOString().slice(0, 10) },
        requestingOrganisation: { name: "Northmoor County Council Children's Social Care" },
      },
    });
    expect(policeRow.request.recipients).toEqual([{ id: policeRow.id, organisation: { name: 'Northmoor Police – Public Protection' }, response: null }]);

    // The police answer; the request stays open until the GP has answered too.
    const policeAnswer = await police.request(RESPOND, { input: { recipientId: policeRow.id, response: 'Two call-outs to the address this year.', nothingHeld: false } });
    expect(policeAnswer.data.informationRequestRespond, policeAnswer.raw).toMatchObject({
      __typename: 'InformationRequestRespondSuccess',
      recipient: { response: 'Two call-outs to the address this year.', nothingHeld: false, overdue: false, request: { status: 'OPEN' } },
    });
    const again = await police.request(RESPOND, { input: { recipientId: policeRow.id, response: 'Again', nothingHeld: false } });
    expect(again.data.informationRequestRespond).toMatchObject({
      __typename: 'ValidationError', fieldErrors: [{ field: 'recipientId', message: 'Your organisation has answered this request already' }],
    });

    const gp = await as(app, GP);
    const gpRow = (await gp.request(RECEIVED)).data.informationRequestsReceived.edges.map((e: any) => e.node).find((n: any) => n.request.reference === request.reference);
    // The GP cannot read the police answer through the request.
    expect(gpRow.request.recipients).toEqual([{ id: gpRow.id, organisation: { name: 'Moorside Surgery' }, response: null }]);
    const gpAnswer = await gp.request(RESPOND, { input: { recipientId: gpRow.id, nothingHeld: true } });
    expect(gpAnswer.data.informationRequestRespond).toMatchObject({ recipient: { nothingHeld: true, response: null, request: { status: 'ANSWERED' } } });

    // The requester sees both answers on the request and in the child's chronology.
    const sent = await (await as(app, MASH_WORKER)).request(SENT);
    const mine = sent.data.informationRequestsSent.edges.map((e: any) => e.node).find((n: any) => n.reference === request.reference);
    expect(mine).toMatchObject({ status: 'ANSWERED', overdue: false, child: { id: globalId('Child', childId) } });
    expect(mine.recipients.map((r: any) => [r.organisation.name, r.response, r.nothingHeld, r.overdue]).sort()).toEqual([
      ['Moorside Surgery', null, true, false],
      ['Northmoor Police – Public Protection', 'Two call-outs to the address this year.', false, false],
    ]);
    const chronology = await (await as(app, MASH_WORKER)).request(CHRONOLOGY, { id: globalId('Child', childId) });
    const answers = chronology.data.chronology.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'INFORMATION_RESPONSE' && n.summary.includes(request.reference));
    expect(answers.map((a: any) => [a.organisation.name, a.summary, a.detail, a.sensitive]).sort()).toEqual([
      ['Moorside Surgery', `Answer to information request ${request.reference}: nothing held`, null, true],
      ['Northmoor Police – Public Protection', `Answer to information request ${request.reference}`, 'Two call-outs to the address this year.', true],
    ]);

    // Each answer is a recorded share to the requesting organisation only, on the right condition.
    const shares = await app.db.share.findMany({ where: { entryId: { in: answers.map((a: any) => decode(a.id)) } }, orderBy: { specialCategoryCondition: 'asc' } });
    expect(shares.map((s) => [s.sharingOrganisationId, s.recipientOrganisationId, s.decision, s.lawfulBasis, s.specialCategoryCondition, s.purpose]).sort()).toEqual([
      [org.gp, org.socialCare, 'SHARE', 'PUBLIC_TASK', 'DPA_SCH1_PARA18_SAFEGUARDING', `Answering information request ${request.reference}`],
      [org.police, org.socialCare, 'SHARE', 'PUBLIC_TASK', 'DPA_SCH8_PARA4_SAFEGUARDING', `Answering information request ${request.reference}`],
    ].sort());
    // The police do not read the GP's answer, nor the GP the police's.
    const policeView = (await police.request(CHRONOLOGY, { id: globalId('Child', childId) })).data.chronology.edges.map((e: any) => e.node.summary);
    expect(policeView).toContain(`Answer to information request ${request.reference}`);
    expect(policeView).not.toContain(`Answer to information request ${request.reference}: nothing held`);

    // The deadlines are done, each row links its entry, and each answer is audited.
    expect((await app.db.deadline.findMany({ where: { subjectId: { in: recipientIds } } })).map((d) => d.state)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    const rows = await app.db.informationRequestRecipient.findMany({ where: { id: { in: recipientIds } } });
    expect(rows.every((r) => r.responseEntryId !== null && r.respondedById !== null)).toBe(true);
    const audits = await app.db.auditEvent.findMany({ where: { action: 'informationRequest.respond', subjectId: { in: recipientIds } } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.childId === childId)).toBe(true);
  });

  it('an unanswered request goes overdue once the clock passes its due time, and shows in overdueOnly', async () => {
    // Red: 2 calendar hours in Northmoor.
    const request = await create(FRONT_DOOR[0]!, { rag: 'RED', recipientOrganisationIds: [globalId('Organisation', org.oakfield)] });
    const dsl = await as(app, OAK.dsl);
    const overdueRefs = async (overdueOnly?: boolean) =>
      (await dsl.request(RECEIVED, { overdueOnly })).data.informationRequestsReceived.edges.map((e: any) => e.node.request.reference);
    expect(await overdueRefs()).toContain(request.reference);
    expect(await overdueRefs(true)).not.toContain(request.reference);

    app.advanceClock(2 * 3600_000 + 60_000);

    expect(await overdueRefs(true)).toContain(request.reference);
    const row = (await dsl.request(RECEIVED, { overdueOnly: true })).data.informationRequestsReceived.edges.map((e: any) => e.node).find((n: any) => n.request.reference === request.reference);
    expect(row).toMatchObject({ overdue: true, respondedAt: null, request: { status: 'OPEN' } });
    const sent = (await (await as(app, FRONT_DOOR[0]!)).request(SENT)).data.informationRequestsSent.edges.map((e: any) => e.node);
    expect(sent.find((n: any) => n.reference === request.reference)).toMatchObject({ overdue: true, recipients: [{ overdue: true }] });

    // Soonest due first.
    const dues = (await dsl.request(RECEIVED)).data.informationRequestsReceived.edges.map((e: any) => e.node.dueAt);
    expect(dues).toEqual([...dues].sort());

    // A late answer still closes it, and it stops being overdue.
    const answered = await dsl.request(RESPOND, { input: { recipientId: row.id, response: 'Attendance 82% this term; no other concerns.', nothingHeld: false } });
    expect(answered.data.informationRequestRespond).toMatchObject({ recipient: { overdue: false, request: { status: 'ANSWERED' } } });
    expect(await overdueRefs(true)).not.toContain(request.reference);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'informationRequest.respond', subjectId: decode(row.id) } });
    expect(audit.detail).toMatchObject({ withinTime: false, requestAnswered: true });
  });
});

describe('answers at the same moment', () => {
  it('two people answering for one organisation: one wins; two agencies answering at once still close the request', async () => {
    const request = await create(MASH_WORKER);
    const row = (name: string) => request.recipients.find((r: any) => r.organisation.name === name).id;
    const policeRow = row('Northmoor Police – Public Protection');
    const results = await Promise.all([
      (await as(app, OFFICER)).request(RESPOND, { input: { recipientId: policeRow, response: 'From the officer', nothingHeld: false } }),
      (await as(app, POLICE[1]!)).request(RESPOND, { input: { recipientId: policeRow, response: 'From the sergeant', nothingHeld: false } }),
      (await as(app, GP)).request(RESPOND, { input: { recipientId: row('Moorside Surgery'), nothingHeld: true } }),
    ]);
    const outcomes = results.map((r) => r.data?.informationRequestRespond?.__typename ?? r.raw);
    expect(outcomes.slice(0, 2).sort()).toEqual(['InformationRequestRespondSuccess', 'ValidationError']);
    expect(outcomes[2]).toBe('InformationRequestRespondSuccess');

    const stored = await app.db.informationRequest.findUniqueOrThrow({ where: { id: decode(request.id) } });
    expect(stored.status).toBe('ANSWERED');
    expect(await app.db.chronologyEntry.count({ where: { kind: 'INFORMATION_RESPONSE', summary: { contains: request.reference } } })).toBe(2);
    expect(await app.db.auditEvent.count({ where: { action: 'informationRequest.respond', subjectId: { in: [decode(policeRow), decode(row('Moorside Surgery'))] } } })).toBe(2);
  });
});

describe('who may ask, read and answer', () => {
  it('only the front door and the MASH police researcher may ask; every other role is refused and nothing is written', async () => {
    const users = await app.db.user.findMany({ where: { partnership: { code: 'northmoor' } }, orderBy: { email: 'asc' } });
    const askers = [...FRONT_DOOR, MASH_POLICE];
    const failures: string[] = [];
    for (const { email } of users) {
      const before = await counts();
      const result = await (await as(app, email)).request(CREATE, { input: requestInput({ recipientOrganisationIds: [globalId('Organisation', org.community)] }) });
      const outcome = result.data?.informationRequestCreate?.__typename;
      const expected = askers.includes(email) ? 'InformationRequestCreateSuccess' : 'NotAuthorisedError';
      if (outcome !== expected) failures.push(`${email}: ${outcome ?? result.raw}`);
      if (expected === 'NotAuthorisedError' && JSON.stringify(await counts()) !== JSON.stringify(before)) failures.push(`${email}: something was written`);
    }
    expect(failures).toEqual([]);
    expect(askers.length).toBe(6);
  });

  it('a school DSL cannot ask', async () => {
    const result = await (await as(app, OAK.dsl)).request(CREATE, { input: requestInput() });
    expect(result.data.informationRequestCreate).toEqual({ __typename: 'NotAuthorisedError', message: 'Your role cannot make information requests' });
  });

  it('an agency not asked, a staff member and another partnership cannot answer: "not found"; their lists stay empty', async () => {
    const request = await create(MASH_WORKER, { recipientOrganisationIds: [globalId('Organisation', org.gp), globalId('Organisation', org.oakfield)] });
    const [gpRow, schoolRow] = ['Moorside Surgery', 'Oakfield Primary School'].map((name) => request.recipients.find((r: any) => r.organisation.name === name).id);
    const before = await counts();
    const refused: Array<[string, string]> = [
      [HEALTH_VISITOR, gpRow], // another health organisation, not asked
      [OFFICER, gpRow], // police, not asked
      [OAK.staff, schoolRow], // the asked school's staff member: not a record reader
      [OAK.dsl, gpRow], // asked, but this is the GP's row
      [MASH_WORKER, gpRow], // the requester cannot answer for the GP
      [OTHERBY_DSL, schoolRow], // another partnership
      [OTHERBY_POLICE, gpRow],
    ];
    for (const [email, recipientId] of refused) {
      const result = await (await as(app, email)).request(RESPOND, { input: { recipientId, response: 'We hold this', nothingHeld: false } });
      expect(result.data.informationRequestRespond, email).toEqual({
        __typename: 'NotFoundError', message: 'No information request with that id that your organisation can answer',
      });
    }
    // A made-up id answers exactly like a refused one.
    const missing = await (await as(app, GP)).request(RESPOND, { input: { recipientId: globalId('InformationRequestRecipient', '00000000-0000-7000-8000-000000000000'), nothingHeld: true } });
    expect(missing.data.informationRequestRespond.__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(before);

    for (const email of [HEALTH_VISITOR, OAK.staff, OTHERBY_DSL, OTHERBY_POLICE, 'ig.lead@partnership.northmoor.example']) {
      const received = await (await as(app, email)).request(RECEIVED);
      const refs = received.data.informationRequestsReceived.edges.map((e: any) => e.node.request.reference);
      expect(refs, email).not.toContain(request.reference);
    }
    for (const email of [OAK.staff, OFFICER, OTHERBY_SOCIAL_WORKER, OAK.dsl]) {
      const sent = await (await as(app, email)).request(SENT);
      expect(sent.data.informationRequestsSent.edges, email).toEqual([]);
    }
    // The asked school's DSL group sees it; its staff member does not.
    for (const email of [OAK.dsl, OAK.deputy, OAK.head]) {
      const refs = (await (await as(app, email)).request(RECEIVED)).data.informationRequestsReceived.edges.map((e: any) => e.node.request.reference);
      expect(refs, email).toContain(request.reference);
    }
  });

  it('a front door of another partnership cannot ask about a Northmoor child, nor ask Northmoor agencies', async () => {
    const before = await counts();
    const result = await (await as(app, OTHERBY_SOCIAL_WORKER)).request(CREATE, { input: requestInput() });
    expect(result.data.informationRequestCreate.__typename).toBe('ValidationError');
    expect(result.data.informationRequestCreate.fieldErrors).toEqual([
      { field: 'childId', message: 'Select a child you can see in your partnership' },
      { field: 'recipientOrganisationIds', message: 'Organisation 1 is not an active organisation of your partnership' },
      { field: 'recipientOrganisationIds', message: 'Organisation 2 is not an active organisation of your partnership' },
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('bad input: a clear error naming the field, and nothing written', () => {
  it('a request without a RAG rating', async () => {
    const before = await counts();
    const result = await (await as(app, MASH_WORKER)).request(CREATE, { input: requestInput({ rag: undefined }) });
    expect(result.data.informationRequestCreate).toEqual({
      __typename: 'ValidationError', message: 'There is a problem with what was entered',
      fieldErrors: [{ field: 'rag', message: 'Select a RAG rating' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('a request to nobody, to the requester’s own organisation, to one agency twice, or to an agency of another partnership', async () => {
    const mash = await as(app, MASH_WORKER);
    const before = await counts();
    const none = await mash.request(CREATE, { input: requestInput({ recipientOrganisationIds: [] }) });
    expect(none.data.informationRequestCreate.fieldErrors).toEqual([{ field: 'recipientOrganisationIds', message: 'Choose at least one organisation to ask' }]);

    const wrong = await mash.request(CREATE, {
      input: requestInput({
        recipientOrganisationIds: [org.socialCare, org.gp, org.gp, org.otherbyPolice, org.partnership].map((id) => globalId('Organisation', id)),
      }),
    });
    expect(wrong.data.informationRequestCreate.fieldErrors).toEqual([
      { field: 'recipientOrganisationIds', message: "Northmoor County Council Children's Social Care is your own organisation: ask other agencies" },
      { field: 'recipientOrganisationIds', message: 'Moorside Surgery is chosen more than once' },
      { field: 'recipientOrganisationIds', message: 'Organisation 4 is not an active organisation of your partnership' },
      { field: 'recipientOrganisationIds', message: 'Northmoor Safeguarding Children Partnership – Business Unit holds no case records to answer from' },
    ]);
    const blank = await mash.request(CREATE, { input: requestInput({ question: '  ', purpose: '', childId: globalId('Child', otherChildId) }) });
    expect(blank.data.informationRequestCreate.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['question', 'purpose', 'childId']);
    expect(await counts()).toEqual(before);
  });

  it('a rating the partnership has set no deadline for', async () => {
    const partnership = await app.db.partnership.findUniqueOrThrow({ where: { code: 'northmoor' } });
    const green = await app.db.ragDeadline.findUniqueOrThrow({ where: { partnershipId_rag: { partnershipId: partnership.id, rag: 'GREEN' } } });
    await app.db.ragDeadline.delete({ where: { id: green.id } });
    try {
      const before = await counts();
      const result = await (await as(app, MASH_WORKER)).request(CREATE, { input: requestInput({ rag: 'GREEN' }) });
      expect(result.data.informationRequestCreate.fieldErrors).toEqual([
        { field: 'rag', message: 'Your partnership has not set a deadline for GREEN requests: ask your partnership administrator' },
      ]);
      expect(await counts()).toEqual(before);
    } finally {
      await app.db.ragDeadline.create({ data: { partnershipId: green.partnershipId, rag: green.rag, amount: green.amount, clock: green.clock } });
    }
  });

  it('an answer with neither a response nor "nothing held"', async () => {
    const request = await create(MASH_WORKER, { recipientOrganisationIds: [globalId('Organisation', org.gp)] });
    const gp = await as(app, GP);
    const before = await counts();
    for (const response of [undefined, null, '   ']) {
      const result = await gp.request(RESPOND, { input: { recipientId: request.recipients[0].id, response, nothingHeld: false } });
      expect(result.data.informationRequestRespond).toEqual({
        __typename: 'ValidationError', message: 'There is a problem with what was entered',
        fieldErrors: [{ field: 'response', message: 'Enter what your organisation holds, or answer that nothing is held' }],
      });
    }
    expect(await counts()).toEqual(before);
    const row = await app.db.informationRequestRecipient.findUniqueOrThrow({ where: { id: decode(request.recipients[0].id) } });
    expect(row.respondedAt).toBeNull();
  });
});
