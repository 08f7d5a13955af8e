// Social care links and merges records of the same child; nothing is deleted and the chronology
// follows the kept record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, as, globalId } from '../access/fixtures.ts';

const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) { __typename ... on ChildRegisterSuccess { child { id } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on ConcernRaiseSuccess { concern { reference } } } }`;
const MERGE = /* GraphQL */ `
  mutation($keep: ID!, $merge: ID!, $reason: String!) { childMerge(keepChildId: $keep, mergeChildId: $merge, reason: $reason) {
    __typename ... on Error { message } ... on ChildMergeSuccess { child { id nhsNumber } } } }`;
const LINK = /* GraphQL */ `
  mutation($a: ID!, $b: ID!) { childLink(childId: $a, otherChildId: $b, kind: SIBLING, note: "Same household") { __typename ... on Error { message } } }`;
const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id mergedInto } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id) { edges { node { summary } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('merging two records of the same child', () => {
  it('keeps both records, points the merged one at the kept one, and joins the chronologies', async () => {
    const dsl = await as(app, OAK.dsl);
    const oakfield = await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } });
    const first = await dsl.request(REGISTER, { input: { givenName: 'Tamsin', familyName: 'Oakes', dateOfBirth: '2014-04-04', schoolId: globalId('Organisation', oakfield.id) } });
    const second = await dsl.request(REGISTER, {
      input: { givenName: 'Tamsyn', familyName: 'Oakes', dateOfBirth: '2014-04-04', nhsNumber: '9434765919', schoolId: globalId('Organisation', oakfield.id), confirmNotDuplicate: true },
    });
    const keep = first.data.childRegister.child.id;
    const merge = second.data.childRegister.child.id;
    await dsl.request(RAISE, { input: { childId: merge, categories: ['NEGLECT'], narrative: 'Recorded against the second record', riskLevel: 'LOW', dslInformed: true, occurredAt: new Date().toISOString() } });

    // Only social care merges.
    expect((await dsl.request(MERGE, { keep, merge, reason: 'Same child' })).data.childMerge.__typename).toBe('NotFoundError');
    const socialWorker = await as(app, FRONT_DOOR[0]!);
    const before = await app.db.child.count();
    const merged = await socialWorker.request(MERGE, { keep, merge, reason: 'Same child: spelling of first name differs' });
    expect(merged.data.childMerge).toEqual({ __typename: 'ChildMergeSuccess', child: { id: keep, nhsNumber: '9434765919' } });
    expect(await app.db.child.count()).toBe(before);

    expect((await socialWorker.request(CHILD, { id: merge })).data.child.mergedInto).toBe(keep);
    const chronology = await dsl.request(CHRONOLOGY, { id: keep });
    expect(chronology.data.chronology.edges.map((e: { node: { summary: string } }) => e.node.summary)).toContain('Recorded against the second record');
    expect(await app.db.auditEvent.count({ where: { action: 'child.merge' } })).toBe(1);

    // Merging again is refused: the merged record is no longer a live record.
    expect((await socialWorker.request(MERGE, { keep, merge, reason: 'again' })).data.childMerge.__typename).toBe('NotFoundError');
  });

  it('links siblings, for social care only', async () => {
    const [a, b] = await app.db.child.findMany({ where: { partnership: { code: 'northmoor' }, restrictions: { none: {} }, mergedIntoId: null }, take: 2 });
    const ids = { a: globalId('Child', a!.id), b: globalId('Child', b!.id) };
    expect((await (await as(app, OAK.dsl)).request(LINK, ids)).data.childLink.__typename).toBe('NotFoundError');
    expect((await (await as(app, FRONT_DOOR[0]!)).request(LINK, ids)).data.childLink.__typename).toBe('ChildLinkSuccess');
    expect(await app.db.childLink.count({ where: { childId: a!.id, linkedChildId: b!.id, kind: 'SIBLING' } })).toBe(1);
  });
});
