// Joining the dots: a second organisation's concern about a child within 30 days of the school's
// alerts the front door, once; so do three concerns from anyone. The front door sees the pattern,
// with the child, and marks it looked at (who and when are kept); nobody else sees patterns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, POLICE, as, globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const INVOLVED = /* GraphQL */ `
  mutation($input: ChildInvolvementRecordInput!) { childInvolvementRecord(input: $input) { __typename } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { reference } } } }`;
const PATTERNS = /* GraphQL */ `
  query($notSeenOnly: Boolean) { concernPatterns(first: 50, notSeenOnly: $notSeenOnly) { totalCount
    edges { node { id kind organisations concerns windowDays seenAt seenBy { email } child { id givenName } } } } }`;
const RULES = /* GraphQL */ `query { concernPatternRules { organisations concerns windowDays alertRoles } }`;
const RULES_UPDATE = /* GraphQL */ `
  mutation($input: ConcernPatternRulesInput!) { concernPatternRulesUpdate(input: $input) { __typename
    ... on Error { message } ... on ValidationError { fieldErrors { field message } } ... on ConcernPatternRules { organisations concerns windowDays alertRoles } } }`;
const FIGURES = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!) { partnershipFigures(from: $from, to: $to) { __typename ... on Error { message }
    ... on PartnershipFigures { concernPatterns { found lookedAt medianHoursToLook } } } }`;
const SEEN = /* GraphQL */ `
  mutation($id: ID!) { concernPatternSeen(id: $id) { __typename ... on Error { message } ... on ConcernPatternSeenSuccess { pattern { seenAt seenBy { email } } } } }`;

let app: TestApp;
let oakfield: string;
beforeAll(async () => {
  app = await startTestApp();
  oakfield = globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
});
afterAll(() => app?.close());

async function newPupil(givenName: string, familyName: string, dateOfBirth: string) {
  const registered = await (await as(app, OAK.dsl)).request(REGISTER, { input: { givenName, familyName, dateOfBirth, schoolId: oakfield } });
  expect(registered.data.childRegister.__typename, registered.raw).toBe('ChildRegisterSuccess');
  return registered.data.childRegister.child.id as string;
}

async function raise(email: string, childId: string, narrative: string) {
  const result = await (await as(app, email)).request(RAISE, {
    input: { childId, categories: ['NEGLECT'], narrative, riskLevel: 'MEDIUM', dslInformed: true, occurredAt: new Date(Date.now() - 3600_000).toISOString() },
  });
  expect(result.data.concernRaise.__typename, result.raw).toBe('ConcernRaiseSuccess');
}

const patternsAbout = async (childId: string) => {
  const childDbId = Buffer.from(childId, 'base64').toString().split(':')[1]!;
  const patterns = await app.db.concernPattern.findMany({ where: { childId: childDbId } });
  const events = await app.db.notificationEvent.findMany({ where: { kind: 'CONCERN_PATTERN', subjectId: { in: patterns.map((p) => p.id) } }, include: { notifications: { where: { channel: 'IN_APP' } } } });
  const users = new Map((await app.db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return { patterns, told: events.map((e) => e.notifications.map((n) => users.get(n.recipientUserId)!).sort()) };
};

describe('joining the dots', () => {
  it('alerts the front door once when a second organisation raises a concern within 30 days', async () => {
    const child = await newPupil('Ada', 'Quennell', '2016-04-04');
    await raise(OAK.dsl, child, 'Often hungry at school');
    expect((await patternsAbout(child)).patterns).toEqual([]);

    // The police find the pupil in the index, record their involvement, and raise a concern.
    expect((await (await as(app, POLICE[0]!)).request(INVOLVED, { input: { childId: child, summary: 'Called to the home' } })).data.childInvolvementRecord.__typename)
      .toBe('ChildInvolvementRecordSuccess');
    await raise(POLICE[0]!, child, 'Neighbours report the child left alone at night');
    const { patterns, told } = await patternsAbout(child);
    expect(patterns.map((p) => [p.kind, p.organisations, p.concerns, p.windowDays])).toEqual([['SEVERAL_ORGANISATIONS', 2, 2, 30]]);
    expect(told).toEqual([[...FRONT_DOOR.filter((e) => !e.startsWith('head.of.service'))].sort()]);

    // A third concern is part of the same pattern: nobody is told again.
    await raise(OAK.dsl, child, 'Came in without a coat');
    expect((await patternsAbout(child)).told).toHaveLength(1);
  });

  it('alerts on three concerns from one organisation too', async () => {
    const child = await newPupil('Bea', 'Ormerod', '2015-09-21');
    await raise(OAK.dsl, child, 'First');
    await raise(OAK.deputy, child, 'Second');
    expect((await patternsAbout(child)).patterns).toEqual([]);
    await raise(OAK.dsl, child, 'Third');
    expect((await patternsAbout(child)).patterns.map((p) => [p.kind, p.organisations, p.concerns])).toEqual([['REPEATED_CONCERNS', 1, 3]]);
  });

  it('shows the front door its patterns with the child, keeps who looked first, and shows nobody else any', async () => {
    const mash = await as(app, FRONT_DOOR[1]!);
    const all = (await mash.request(PATTERNS, {})).data.concernPatterns;
    expect(all.totalCount).toBe(2);
    expect(all.edges.map((e: { node: { child: { givenName: string } } }) => e.node.child.givenName)).toEqual(['Bea', 'Ada']);
    const bea = all.edges[0].node;
    expect(bea).toMatchObject({ kind: 'REPEATED_CONCERNS', concerns: 3, seenAt: null, seenBy: null });

    const seen = await mash.request(SEEN, { id: bea.id });
    expect(seen.data.concernPatternSeen.pattern.seenBy).toEqual({ email: FRONT_DOOR[1]! });
    const again = await (await as(app, FRONT_DOOR[2]!)).request(SEEN, { id: bea.id });
    expect(again.data.concernPatternSeen.pattern).toEqual(seen.data.concernPatternSeen.pattern);
    const notSeen = (await mash.request(PATTERNS, { notSeenOnly: true })).data.concernPatterns;
    expect([notSeen.totalCount, notSeen.edges.map((e: { node: { child: { givenName: string } } }) => e.node.child.givenName)]).toEqual([1, ['Ada']]);

    // The partnership's figures count them, and how soon the front door looked.
    const figures = await (await as(app, EMAIL.admin)).request(FIGURES, { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
    const counted = figures.data?.partnershipFigures.concernPatterns;
    expect(counted, figures.raw).toEqual({ found: 2, lookedAt: 1, medianHoursToLook: expect.any(Number) });
    expect(counted.medianHoursToLook).toBeLessThan(1);

    expect((await (await as(app, OAK.dsl)).request(PATTERNS, {})).data.concernPatterns).toEqual({ totalCount: 0, edges: [] });
    expect((await (await as(app, OAK.dsl)).request(SEEN, { id: bea.id })).data.concernPatternSeen).toEqual({
      __typename: 'NotFoundError', message: 'No such pattern of concerns that you may see',
    });
  });

  it('follows the partnership’s rules, which only the administrator changes, within limits', async () => {
    const defaults = { organisations: 2, concerns: 3, windowDays: 30, alertRoles: ['MASH_WORKER', 'MASH_MANAGER', 'SOCIAL_WORKER', 'TEAM_MANAGER'] };
    expect((await (await as(app, OAK.dsl)).request(RULES)).data.concernPatternRules).toEqual(defaults);
    const update = async (email: string, input: object) => (await (await as(app, email)).request(RULES_UPDATE, { input })).data.concernPatternRulesUpdate;
    expect(await update(OAK.dsl, { concerns: 2 })).toMatchObject({ __typename: 'NotAuthorisedError' });
    expect(await update(EMAIL.admin, { organisations: 1, concerns: 51, windowDays: 0, alertRoles: ['MASH_MANAGER', 'DSL'] })).toEqual({
      __typename: 'ValidationError',
      message: expect.any(String),
      fieldErrors: [
        { field: 'organisations', message: 'A pattern needs at least 2 organisations' },
        { field: 'concerns', message: 'Give at most 50 concerns' },
        { field: 'windowDays', message: 'Give at least 1 day' },
        { field: 'alertRoles', message: 'Only roles that can open the record can be told: dsl cannot (choose from social worker, mash worker, team manager, mash manager, head of service)' },
      ],
    });
    expect((await update(EMAIL.admin, { alertRoles: [] })).fieldErrors).toEqual([{ field: 'alertRoles', message: 'Choose at least one role to tell at the front door' }]);
    expect((await (await as(app, EMAIL.admin)).request(RULES)).data.concernPatternRules).toEqual(defaults);

    // Two concerns from anyone now make a pattern, and the MASH manager and head of service are told.
    expect(await update(EMAIL.admin, { concerns: 2, alertRoles: ['MASH_MANAGER', 'HEAD_OF_SERVICE'] })).toEqual({
      __typename: 'ConcernPatternRules', organisations: 2, concerns: 2, windowDays: 30, alertRoles: ['MASH_MANAGER', 'HEAD_OF_SERVICE'],
    });
    const child = await newPupil('Cleo', 'Arkwright', '2013-02-02');
    await raise(OAK.dsl, child, 'First');
    await raise(OAK.deputy, child, 'Second');
    const { patterns, told } = await patternsAbout(child);
    expect(patterns.map((p) => [p.kind, p.concerns])).toEqual([['REPEATED_CONCERNS', 2]]);
    expect(told).toEqual([[FRONT_DOOR[4]!, FRONT_DOOR[3]!].sort()]);
  });
});
