// How the information-governance lead, who reads no child's record, finds the child whose access
// log to open and knows whose log it is: a narrow, audited search (an identifier, or a name with
// the date of birth) and one child's names by id; and the partnership's people, to open a
// person's log. Everyone else is refused: empty lists and nulls, as for records that do not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { startTestApp, type TestApp } from '../support/app.ts';
import { as, globalId } from '../access/fixtures.ts';
import { EMAIL, userId } from '../restrictions/support.ts';

const SEARCH = /* GraphQL */ `
  query($input: ChildIdentitySearchInput!) { childIdentitySearch(input: $input) {
    __typename ... on ValidationError { fieldErrors { field message } }
    ... on ChildIdentitySearchSuccess { children { id givenName familyName dateOfBirth restricted } } } }`;
const IDENTITY = /* GraphQL */ `query($id: ID!) { childIdentity(id: $id) { id givenName familyName dateOfBirth restricted } }`;
const USER = /* GraphQL */ `query($id: ID!) { user(id: $id) { displayName organisation { name } } }`;
const USERS = /* GraphQL */ `query { users(first: 200) { edges { node { email } } } }`;
const LOG = /* GraphQL */ `query($id: ID!) { childAccessLog(childId: $id, first: 50) { edges { node { action childId actor { displayName } } } } }`;

let app: TestApp;
let child: Child;
beforeAll(async () => {
  app = await startTestApp();
  child = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' }, nhsNumber: { not: null }, mergedIntoId: null }, orderBy: { id: 'asc' } });
});
afterAll(() => app?.close());

const identity = (c: Child, restricted = false) => ({
  id: globalId('Child', c.id), givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10), restricted,
});
const search = async (email: string, input: object) => (await (await as(app, email)).request(SEARCH, { input })).data.childIdentitySearch;

describe('childIdentitySearch', () => {
  it('finds a child for the IG lead by NHS number, or by name with the date of birth, and logs what it showed', async () => {
    const before = await app.db.auditEvent.count({ where: { action: 'child.identity_search' } });
    expect(await search(EMAIL.igLead, { nhsNumber: child.nhsNumber })).toEqual({ __typename: 'ChildIdentitySearchSuccess', children: [identity(child)] });
    const byName = await search(EMAIL.igLead, { givenName: child.givenName, familyName: child.familyName, dateOfBirth: identity(child).dateOfBirth });
    expect(byName.children).toContainEqual(identity(child));
    const logged = await app.db.auditEvent.findMany({ where: { action: 'child.identity_search' }, orderBy: { seq: 'asc' }, include: { actor: true } });
    expect(logged).toHaveLength(before + 2);
    expect(logged.at(-2)).toMatchObject({ actor: { email: EMAIL.igLead }, detail: { childIds: [child.id] } });
  });

  it('does not browse by name: a name needs the date of birth; bad identifiers name their field', async () => {
    expect(await search(EMAIL.igLead, { givenName: child.givenName, familyName: child.familyName })).toEqual({
      __typename: 'ValidationError', fieldErrors: [{ field: 'dateOfBirth', message: 'Enter the date of birth as well as the name' }],
    });
    expect((await search(EMAIL.igLead, { nhsNumber: '1234567890' })).fieldErrors).toEqual([{ field: 'nhsNumber', message: 'Enter a valid NHS number' }]);
    expect((await search(EMAIL.igLead, {})).fieldErrors[0].message).toBe('Search by NHS number, UPN, or a name of at least 3 letters and a date of birth');
  });

  it('finds nothing for anyone else, nor another partnership’s child', async () => {
    for (const email of [EMAIL.dsl, EMAIL.admin, EMAIL.socialWorker, EMAIL.otherbyDsl]) {
      expect(await search(email, { nhsNumber: child.nhsNumber }), email).toEqual({ __typename: 'ChildIdentitySearchSuccess', children: [] });
    }
    const other = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' }, nhsNumber: { not: null } } });
    expect((await search(EMAIL.igLead, { nhsNumber: other.nhsNumber })).children).toEqual([]);
  });
});

describe('childIdentity', () => {
  it('names a child for the IG lead, restricted or not, and logs it; null for anyone else', async () => {
    const restricted = await (await as(app, EMAIL.teamManager)).request(/* GraphQL */ `
      mutation($input: RestrictionCreateInput!) { restrictionCreate(input: $input) { __typename } }`,
    { input: { childId: globalId('Child', child.id), reason: 'Case under review', memberUserIds: [] } });
    expect(restricted.data.restrictionCreate.__typename).toBe('RestrictionCreateSuccess');

    const igLead = await as(app, EMAIL.igLead);
    expect((await igLead.request(IDENTITY, { id: globalId('Child', child.id) })).data.childIdentity).toEqual(identity(child, true));
    expect(await app.db.auditEvent.count({ where: { action: 'child.identify', subjectId: child.id } })).toBe(1);
    // Still no record: identity is not the record.
    expect((await igLead.request(`query($id: ID!) { child(id: $id) { id } }`, { id: globalId('Child', child.id) })).data.child).toBeNull();

    for (const email of [EMAIL.dsl, EMAIL.teamManager, EMAIL.admin, EMAIL.otherbyDsl]) {
      expect((await (await as(app, email)).request(IDENTITY, { id: globalId('Child', child.id) })).data.childIdentity, email).toBeNull();
    }
    const other = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } });
    expect((await igLead.request(IDENTITY, { id: globalId('Child', other.id) })).data.childIdentity).toBeNull();
    expect((await igLead.request(IDENTITY, { id: globalId('User', child.id) })).data.childIdentity).toBeNull();
    expect(await app.db.auditEvent.count({ where: { action: 'child.identify' } })).toBe(1);

    // The access log gives each event's child as an id, to open that child's log.
    const log = await igLead.request(LOG, { id: globalId('Child', child.id) });
    expect(log.data.childAccessLog.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      action: 'restriction.create', childId: globalId('Child', child.id), actor: { displayName: 'Angela Firth' },
    });
  });
});

describe('the people of the partnership', () => {
  it('are listed, and read one by one, by the IG lead and the administrator; by nobody else', async () => {
    const dslId = globalId('User', await userId(app, EMAIL.dsl));
    for (const email of [EMAIL.igLead, EMAIL.admin]) {
      const client = await as(app, email);
      expect((await client.request(USER, { id: dslId })).data.user, email).toEqual({ displayName: 'Helen Marsh', organisation: { name: 'Oakfield Primary School' } });
      const listed = (await client.request(USERS)).data.users.edges.map((e: { node: { email: string } }) => e.node.email);
      expect(listed, email).toContain(EMAIL.dsl);
      expect(listed, email).not.toContain(EMAIL.otherbyDsl);
    }
    for (const email of [EMAIL.dsl, EMAIL.teamManager, EMAIL.otherbyDsl]) {
      const client = await as(app, email);
      expect((await client.request(USER, { id: dslId })).data.user, email).toBeNull();
      expect((await client.request(USERS)).data.users.edges, email).toEqual([]);
    }
    const otherbyDsl = globalId('User', await userId(app, EMAIL.otherbyDsl));
    expect((await (await as(app, EMAIL.igLead)).request(USER, { id: otherbyDsl })).data.user).toBeNull();
  });
});
