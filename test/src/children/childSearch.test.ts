// Finding a child, and not recording the same child twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FRONT_DOOR, OAK, as, globalId } from '../access/fixtures.ts';

const SEARCH = /* GraphQL */ `
  query($input: ChildSearchInput!) { childSearch(input: $input) {
    __typename ... on ValidationError { fieldErrors { field message } }
    ... on ChildSearchSuccess { matches { score matchedOn child { id givenName familyName dateOfBirth } } } } }`;
const REGISTER = /* GraphQL */ `
  mutation($input: ChildRegisterInput!) { childRegister(input: $input) {
    __typename ... on Error { message }
    ... on PossibleDuplicateError { identifierMatch hiddenMatches matches { matchedOn child { id } } }
    ... on ChildRegisterSuccess { child { id } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('childSearch', () => {
  it('finds a child by NHS number exactly, typed with spaces', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { nhsNumber: { not: null }, partnership: { code: 'northmoor' } } });
    const spaced = `${child.nhsNumber!.slice(0, 3)} ${child.nhsNumber!.slice(3, 6)} ${child.nhsNumber!.slice(6)}`;
    const result = await (await as(app, FRONT_DOOR[0]!)).request(SEARCH, { input: { nhsNumber: spaced } });
    expect(result.data.childSearch.matches).toEqual([
      { score: 1, matchedOn: 'NHS_NUMBER', child: expect.objectContaining({ id: globalId('Child', child.id), familyName: child.familyName }) },
    ]);
  });

  it('finds a child by name and date of birth despite case, missing accents and a typo, best match first', async () => {
    const child = await app.db.child.findFirstOrThrow({
      where: { partnership: { code: 'northmoor' }, mergedIntoId: null, familyName: { contains: 'e' } },
      orderBy: { createdAt: 'asc' },
    });
    // Upper case, accents stripped, and one letter of the family name doubled.
    const typed = child.familyName.normalize('NFD').replace(/\p{Diacritic}/gu, '').toUpperCase().replace('E', 'EE');
    const result = await (await as(app, FRONT_DOOR[0]!)).request(SEARCH, {
      input: { givenName: child.givenName.toLowerCase(), familyName: typed, dateOfBirth: iso(child.dateOfBirth) },
    });
    const first = result.data.childSearch.matches[0];
    expect(first.child.id).toBe(globalId('Child', child.id));
    expect(first.matchedOn).toBe('NAME_AND_DATE_OF_BIRTH');
    expect(first.score).toBeGreaterThan(0.35);
  });

  it('shows only children the searcher may see, and audits what it showed', async () => {
    // A child at a school other than Oakfield, with no entries from Oakfield.
    const elsewhere = await app.db.child.findFirstOrThrow({
      where: { partnership: { code: 'northmoor' }, nhsNumber: { not: null }, school: { isNot: null, is: { name: { not: 'Oakfield Primary School' } } }, entries: { none: {} } },
    });
    const staff = await as(app, OAK.staff);
    const result = await staff.request(SEARCH, { input: { nhsNumber: elsewhere.nhsNumber } });
    expect(result.data.childSearch.matches).toEqual([]);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'child.search' }, orderBy: { seq: 'desc' } });
    expect(audit.detail).toEqual({ childIds: [] });
  });

  it('says clearly what is wrong with a search', async () => {
    const client = await as(app, FRONT_DOOR[0]!);
    expect((await client.request(SEARCH, { input: { nhsNumber: '9434765918' } })).data.childSearch.fieldErrors).toEqual([
      { field: 'nhsNumber', message: 'Enter a valid NHS number' },
    ]);
    expect((await client.request(SEARCH, { input: {} })).data.childSearch.__typename).toBe('ValidationError');
  });
});

describe('recording the same child twice', () => {
  it('is refused when the NHS number is known, even to someone who cannot see that record', async () => {
    const child = await app.db.child.findFirstOrThrow({
      where: { partnership: { code: 'northmoor' }, nhsNumber: { not: null }, school: { is: { name: { not: 'Oakfield Primary School' } } }, entries: { none: {} } },
    });
    const before = await app.db.child.count();
    const result = await (await as(app, OAK.dsl)).request(REGISTER, {
      input: { givenName: 'Someone', familyName: 'Else', dateOfBirth: '2014-01-01', nhsNumber: child.nhsNumber, confirmNotDuplicate: true },
    });
    expect(result.data.childRegister).toMatchObject({ __typename: 'PossibleDuplicateError', identifierMatch: true, hiddenMatches: 1, matches: [] });
    expect(await app.db.child.count()).toBe(before);
  });

  it('asks for confirmation when the name and date of birth are close, and records the link when confirmed', async () => {
    const child = await app.db.child.findFirstOrThrow({ where: { partnership: { code: 'northmoor' }, school: { is: { name: 'Oakfield Primary School' } } } });
    const dsl = await as(app, OAK.dsl);
    const input = { givenName: child.givenName, familyName: `${child.familyName}s`, dateOfBirth: iso(child.dateOfBirth) };
    const before = await app.db.child.count();
    const first = await dsl.request(REGISTER, { input });
    expect(first.data.childRegister).toMatchObject({ __typename: 'PossibleDuplicateError', identifierMatch: false, hiddenMatches: 0 });
    expect(first.data.childRegister.matches.map((m: { child: { id: string } }) => m.child.id)).toContain(globalId('Child', child.id));
    expect(await app.db.child.count()).toBe(before);

    const confirmed = await dsl.request(REGISTER, { input: { ...input, confirmNotDuplicate: true } });
    expect(confirmed.data.childRegister.__typename).toBe('ChildRegisterSuccess');
    const created = Buffer.from(confirmed.data.childRegister.child.id, 'base64').toString().split(':')[1]!;
    const links = await app.db.childLink.findMany({ where: { childId: created } });
    expect(links.map((l) => [l.linkedChildId, l.kind])).toContainEqual([child.id, 'POSSIBLE_DUPLICATE']);
  });
});
