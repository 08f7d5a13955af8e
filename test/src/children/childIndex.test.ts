// The partnership's child index: a police officer and a school nurse whose agencies have never
// recorded a child only the school knows find them by exact NHS number, UPN, or family name with
// date of birth, see who the child is and nothing of the record, record their involvement, and can
// then raise a concern. Each look-up is in the IG lead's access log. Restricted children are not in
// it; roles that may not record a child get nothing; bad input is refused by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child } from '@wraparound/prisma';
import { startTestApp, type TestApp } from '../support/app.ts';
import { OAK, POLICE, as, globalId } from '../access/fixtures.ts';
import { EMAIL, RESTRICT } from '../restrictions/support.ts';

const INDEX = /* GraphQL */ `
  query($input: ChildIndexInput!) { childIndex(input: $input) { __typename
    ... on ValidationError { fieldErrors { field message } }
    ... on ChildIndexSuccess { found { recordOpen child { id givenName familyName dateOfBirth gender } } } } }`;
const CHILD = /* GraphQL */ `query($id: ID!) { child(id: $id) { id givenName } }`;
const CHRONOLOGY = /* GraphQL */ `query($id: ID!) { chronology(childId: $id, first: 100) { edges { node { kind organisation { name } } } } }`;
const INVOLVED = /* GraphQL */ `
  mutation($input: ChildInvolvementRecordInput!) { childInvolvementRecord(input: $input) { __typename
    ... on ValidationError { fieldErrors { field message } } ... on ChildInvolvementRecordSuccess { child { id givenName } } } }`;
const RAISE = /* GraphQL */ `
  mutation($input: ConcernRaiseInput!) { concernRaise(input: $input) { __typename ... on Error { message } } }`;
const LOG = /* GraphQL */ `query($id: ID!) { childAccessLog(childId: $id, first: 50) { edges { node { action actor { email } } } } }`;
const NURSE = 'school.nurse@community-health.northmoor.example';

let app: TestApp;
/** A pupil only the school has recorded, with an NHS number and a UPN, and no restriction. */
let child: Child;
let childGid: string;

beforeAll(async () => {
  app = await startTestApp();
  child = await app.db.child.findFirstOrThrow({
    where: {
      partnership: { code: 'northmoor' }, school: { name: 'Oakfield Primary School' }, nhsNumber: { not: null }, upn: { not: null }, mergedIntoId: null, restrictions: { none: {} },
      entries: { every: { organisation: { agencyType: 'SCHOOL' } } },
    },
    orderBy: { id: 'asc' },
  });
  childGid = globalId('Child', child.id);
});
afterAll(() => app?.close());

const lookUp = async (email: string, input: object) => (await (await as(app, email)).request(INDEX, { input })).data.childIndex;
const identity = (c: Child) => ({
  id: globalId('Child', c.id), givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10), gender: c.gender,
});

describe('the partnership’s child index', () => {
  it('is needed: the police and the school nurse cannot see the school’s pupil', async () => {
    for (const email of [POLICE[0]!, NURSE]) {
      expect((await (await as(app, email)).request(CHILD, { id: childGid })).data.child).toBeNull();
    }
  });

  it('finds the child by exact NHS number, UPN, or family name with date of birth: identity only', async () => {
    const expected = { __typename: 'ChildIndexSuccess', found: [{ recordOpen: false, child: identity(child) }] };
    expect(await lookUp(POLICE[0]!, { nhsNumber: child.nhsNumber!.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3') })).toEqual(expected);
    expect(await lookUp(NURSE, { upn: child.upn })).toEqual(expected);
    const byName = await lookUp(NURSE, { familyName: child.familyName.toUpperCase(), dateOfBirth: identity(child).dateOfBirth });
    expect(byName.found).toContainEqual(expected.found[0]);
    // Exact only: a near name is no match, and a name alone is refused.
    expect((await lookUp(NURSE, { familyName: `${child.familyName}x`, dateOfBirth: identity(child).dateOfBirth })).found).toEqual([]);
    // The school, which can open the record, is told so.
    expect((await lookUp(OAK.dsl, { nhsNumber: child.nhsNumber })).found).toEqual([{ recordOpen: true, child: identity(child) }]);
  });

  it('refuses bad input by field, and answers nothing to roles that may not record a child', async () => {
    const refused = await lookUp(POLICE[0]!, { nhsNumber: '1234567890', upn: 'nonsense' });
    expect(refused).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { field: 'nhsNumber', message: 'Enter a valid NHS number: 10 digits, like 943 476 5919' },
        { field: 'upn', message: 'Enter a valid UPN: a letter and 12 more characters, like A123456789012' },
      ],
    });
    expect((await lookUp(POLICE[0]!, { familyName: child.familyName })).fieldErrors).toEqual([{ field: 'dateOfBirth', message: 'Enter the date of birth with the family name' }]);
    expect((await lookUp(POLICE[0]!, {})).fieldErrors).toEqual([{ field: 'input', message: 'Search by NHS number, by UPN, or by family name and date of birth' }]);
    // 100,000 letters stop at the limit every read has; 101 at the search's own.
    expect((await lookUp(POLICE[0]!, { familyName: 'x'.repeat(100_000), dateOfBirth: '2015-01-01' })).fieldErrors).toEqual([
      { field: 'familyName', message: 'Must be 500 characters or fewer' },
    ]);
    expect((await lookUp(POLICE[0]!, { familyName: 'x'.repeat(101), dateOfBirth: '2015-01-01' })).fieldErrors).toEqual([
      { field: 'familyName', message: 'The family name must be 100 characters or fewer' },
    ]);
    // A school's staff member and the partnership's business manager may not record a child.
    for (const email of [OAK.staff, EMAIL.admin]) expect(await lookUp(email, { nhsNumber: child.nhsNumber })).toEqual({ __typename: 'ChildIndexSuccess', found: [] });
  });

  it('does not show a restricted child, except to the restriction’s members', async () => {
    // Social care restricts another pupil's whole record, naming the detective sergeant.
    const other = await app.db.child.findFirstOrThrow({
      where: { partnership: { code: 'northmoor' }, nhsNumber: { not: null }, mergedIntoId: null, restrictions: { none: {} }, id: { not: child.id } },
    });
    const sergeant = await app.db.user.findUniqueOrThrow({ where: { email: POLICE[1]! } });
    const restricted = await (await as(app, EMAIL.teamManager)).request(RESTRICT, {
      input: { childId: globalId('Child', other.id), memberUserIds: [globalId('User', sergeant.id)], reason: 'A relative of the child works for the police' },
    });
    expect(restricted.data.restrictionCreate.__typename, restricted.raw).toBe('RestrictionCreateSuccess');
    expect((await lookUp(POLICE[0]!, { nhsNumber: other.nhsNumber })).found).toEqual([]);
    expect((await lookUp(POLICE[1]!, { nhsNumber: other.nhsNumber })).found).toEqual([{ recordOpen: false, child: identity(other) }]);
  });

  it('lets the police record their involvement, then open the child and raise a concern, seeing none of the school’s entries', async () => {
    const refused = await (await as(app, POLICE[0]!)).request(INVOLVED, { input: { childId: childGid, summary: ' ' } });
    expect(refused.data.childInvolvementRecord.fieldErrors).toEqual([{ field: 'summary', message: 'Say how your agency is involved with the child' }]);
    expect((await (await as(app, POLICE[0]!)).request(CHILD, { id: childGid })).data.child).toBeNull();

    const involved = await (await as(app, POLICE[0]!)).request(INVOLVED, { input: { childId: childGid, summary: 'Officers attended a domestic incident at the home' } });
    expect(involved.data.childInvolvementRecord).toEqual({ __typename: 'ChildInvolvementRecordSuccess', child: { id: childGid, givenName: child.givenName } });
    const police = await as(app, POLICE[0]!);
    expect((await police.request(CHILD, { id: childGid })).data.child).toEqual({ id: childGid, givenName: child.givenName });
    const chronology = (await police.request(CHRONOLOGY, { id: childGid })).data.chronology.edges.map((e: { node: unknown }) => e.node);
    expect(chronology).toEqual([{ kind: 'AGENCY_INVOLVEMENT', organisation: { name: 'Northmoor Police – Public Protection' } }]);
    const raised = await police.request(RAISE, {
      input: { childId: childGid, categories: ['PHYSICAL_ABUSE'], narrative: 'Child seen with a bruised arm at the incident', riskLevel: 'HIGH', dslInformed: false, occurredAt: new Date(Date.now() - 3600_000).toISOString() },
    });
    expect(raised.data.concernRaise.__typename, raised.raw).toBe('ConcernRaiseSuccess');
  });

  it('puts every look-up in the child’s access log for the IG lead', async () => {
    const log = (await (await as(app, EMAIL.igLead)).request(LOG, { id: childGid })).data.childAccessLog.edges.map((e: { node: unknown }) => e.node);
    expect(log).toContainEqual({ action: 'child.index_lookup', actor: { email: POLICE[0]! } });
    expect(log).toContainEqual({ action: 'child.index_lookup', actor: { email: NURSE } });
    expect(log).toContainEqual({ action: 'child.involvement_record', actor: { email: POLICE[0]! } });
  });
});
