// Registering a child: each invalid field is named in a typed error and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { GraphQLClient } from '../support/graphql.ts';
import { signInAs } from '../support/personas.ts';

const REGISTER = /* GraphQL */ `
  mutation Register($input: ChildRegisterInput!) {
    childRegister(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field path message } }
      ... on ChildRegisterSuccess { child { id givenName familyName dateOfBirth nhsNumber upn school { name } } }
    }
  }
`;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

let app: TestApp;
let socialWorker: GraphQLClient;
let schoolId: string;
let valid: Record<string, unknown>;

beforeAll(async () => {
  app = await startTestApp();
  socialWorker = await signInAs(app, 'SOCIAL_WORKER');
  const school = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SCHOOL', partnership: { code: 'northmoor' } } });
  schoolId = globalId('Organisation', school.id);
  valid = {
    givenName: 'Amélie',
    familyName: 'Okafor',
    dateOfBirth: '2015-03-14',
    gender: 'FEMALE',
    nhsNumber: '943 476 5919',
    upn: 'B801200005001',
    schoolId,
  };
});
afterAll(() => app?.close());

async function counts() {
  const [children, audit] = await Promise.all([app.db.child.count(), app.db.auditEvent.count()]);
  return { children, audit };
}

async function expectRefusedField(input: Record<string, unknown>, field: string, message: RegExp) {
  const before = await counts();
  const result = await socialWorker.request(REGISTER, { input });
  expect(result.errors, result.raw).toBeUndefined();
  expect(result.data.childRegister.__typename).toBe('ValidationError');
  expect(result.data.childRegister.fieldErrors).toEqual([{ field, path: ['input', field], message: expect.stringMatching(message) }]);
  expect(await counts()).toEqual(before);
}

describe('childRegister', () => {
  it('refuses an NHS number whose check digit is wrong', async () => {
    await expectRefusedField({ ...valid, nhsNumber: '9434765918' }, 'nhsNumber', /valid NHS number/);
  });

  it('refuses an NHS number that is not 10 digits', async () => {
    await expectRefusedField({ ...valid, nhsNumber: '94347659' }, 'nhsNumber', /10 digits/);
  });

  it('refuses a UPN whose check letter is wrong', async () => {
    await expectRefusedField({ ...valid, upn: 'A801200005001' }, 'upn', /valid UPN/);
  });

  it('refuses a date of birth in the future', async () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    await expectRefusedField({ ...valid, dateOfBirth: nextYear }, 'dateOfBirth', /today or in the past/);
  });

  it('refuses an organisation that does not exist', async () => {
    await expectRefusedField({ ...valid, schoolId: globalId('Organisation', '00000000-0000-7000-8000-000000000000') }, 'schoolId', /school that is part of your partnership/);
  });

  it("refuses another partnership's school, and an organisation that is not a school", async () => {
    const elsewhere = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SCHOOL', partnership: { code: 'otherby' } } });
    await expectRefusedField({ ...valid, schoolId: globalId('Organisation', elsewhere.id) }, 'schoolId', /school that is part/);
    const police = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'POLICE', partnership: { code: 'northmoor' } } });
    await expectRefusedField({ ...valid, schoolId: globalId('Organisation', police.id) }, 'schoolId', /school that is part/);
  });

  it('reports every problem at once', async () => {
    const before = await counts();
    const result = await socialWorker.request(REGISTER, {
      input: { ...valid, givenName: ' ', nhsNumber: '1234567890', upn: 'A801200005001', dateOfBirth: '2099-01-01', schoolId: globalId('Organisation', '00000000-0000-7000-8000-000000000000') },
    });
    const fields = result.data.childRegister.fieldErrors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['dateOfBirth', 'givenName', 'nhsNumber', 'schoolId', 'upn']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a date that is not a real date before anything runs', async () => {
    const result = await socialWorker.request(REGISTER, { input: { ...valid, dateOfBirth: '2015-02-30' } });
    expect(result.errors?.[0]?.message).toMatch(/not a real date/);
  });

  it('records a valid child, normalising identifiers, and audits it', async () => {
    const before = await counts();
    const result = await socialWorker.request(REGISTER, { input: valid });
    expect(result.data.childRegister.__typename, result.raw).toBe('ChildRegisterSuccess');
    const school = await app.db.organisation.findFirstOrThrow({ where: { agencyType: 'SCHOOL', partnership: { code: 'northmoor' } } });
    expect(result.data.childRegister.child).toMatchObject({
      givenName: 'Amélie', familyName: 'Okafor', dateOfBirth: '2015-03-14', nhsNumber: '9434765919', upn: 'B801200005001',
      school: { name: school.name },
    });
    expect(await counts()).toEqual({ children: before.children + 1, audit: before.audit + 1 });
    const stored = await app.db.child.findFirstOrThrow({ where: { nhsNumber: '9434765919', familyName: 'Okafor' } });
    expect(stored.searchName).toBe('amelie okafor');
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'child.create', subjectId: stored.id } });
    expect(audit.childId).toBe(stored.id);
  });

  it('refuses a role that may not record children, writing nothing', async () => {
    const admin = await signInAs(app, 'PARTNERSHIP_ADMIN');
    const before = await counts();
    const result = await admin.request(REGISTER, { input: valid });
    expect(result.data.childRegister).toEqual({ __typename: 'NotAuthorisedError', message: 'Your role cannot record a new child' });
    expect(await counts()).toEqual({ children: before.children, audit: before.audit });
  });
});
