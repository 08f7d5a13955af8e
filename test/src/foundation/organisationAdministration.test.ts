// Partnership administration of organisations: the administrator adds a school with its URN,
// renames it, corrects its code, marks lead partners, and deactivates an organisation only once
// nobody there has an active account. Every problem is reported at once against its field and
// nothing is written; nobody else may do any of it, and nothing crosses partnerships. Only the
// administrator is told organisations' codes and head counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/personas.ts';

const CREATE = /* GraphQL */ `
  mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on OrganisationCreateSuccess { organisation { id name agencyType externalCode leadPartner active activePeople } } } }`;
const UPDATE = /* GraphQL */ `
  mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on OrganisationUpdateSuccess { organisation { id name externalCode leadPartner active activePeople } } } }`;
const ORGANISATIONS = /* GraphQL */ `
  query($all: Boolean) { organisations(includeInactive: $all) { id name agencyType externalCode active activePeople } }`;
const USER_UPDATE = /* GraphQL */ `
  mutation($input: UserUpdateInput!) { userUpdate(input: $input) { __typename ... on UserUpdateSuccess { user { active } } } }`;
const USER_CREATE = /* GraphQL */ `
  mutation($input: UserCreateInput!) { userCreate(input: $input) { __typename ... on ValidationError { fieldErrors { field message } } } }`;

const OTHERBY_ADMIN = 'partnership.admin@otherby.example';

let app: TestApp;
let oakfield: string;
beforeAll(async () => {
  app = await startTestApp();
  oakfield = globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
  // Otherby has no administrator in the seed, and no API makes one across partnerships.
  const otherby = await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.otherbyDsl } });
  const council = await app.db.organisation.findFirstOrThrow({ where: { partnershipId: otherby.partnershipId, agencyType: 'SOCIAL_CARE' } });
  await app.db.user.create({
    data: {
      partnershipId: otherby.partnershipId, organisationId: council.id, email: OTHERBY_ADMIN, displayName: 'Olu Admin',
      roles: ['PARTNERSHIP_ADMIN'], passwordHash: otherby.passwordHash, active: true,
    },
  });
});
afterAll(() => app?.close());

const counts = async () => ({
  organisations: await app.db.organisation.count(),
  audit: await app.db.auditEvent.count({ where: { action: { startsWith: 'organisation.' } } }),
});
const school = (over: Record<string, unknown> = {}) => ({ name: 'Willow Primary School', agencyType: 'SCHOOL', externalCode: '123456', ...over });

describe('organisations in the partnership', () => {
  it('the administrator adds a school; everyone can choose it, only the administrator sees its URN', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const created = (await admin.request(CREATE, { input: school({ name: '  Brookside   Primary School ', externalCode: ' 123456 ' }) })).data.organisationCreate;
    expect(created).toEqual({
      __typename: 'OrganisationCreateSuccess',
      organisation: {
        id: expect.any(String), name: 'Brookside Primary School', agencyType: 'SCHOOL', externalCode: '123456',
        leadPartner: false, active: true, activePeople: 0,
      },
    });
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'organisation.create' } });
    expect(audit.detail).toMatchObject({ name: 'Brookside Primary School', agencyType: 'SCHOOL', externalCode: '123456' });

    const listed = (await (await signIn(app, EMAIL.police)).request(ORGANISATIONS, {})).data.organisations;
    expect(listed.find((o: any) => o.name === 'Brookside Primary School')).toMatchObject({ externalCode: null, activePeople: null, active: true });
    expect(listed.find((o: any) => o.name === 'Oakfield Primary School')).toMatchObject({ externalCode: null, activePeople: null });
    const mine = (await admin.request(ORGANISATIONS, {})).data.organisations;
    expect(mine.find((o: any) => o.name === 'Oakfield Primary School')).toMatchObject({ externalCode: '117342', activePeople: 4 });

    // A lead partner of the right kind, and the other codes in their own shapes.
    const police = (await admin.request(CREATE, { input: { name: 'Northmoor Police – Response', agencyType: 'POLICE', externalCode: '13', leadPartner: true } })).data.organisationCreate;
    expect(police.organisation).toMatchObject({ externalCode: '13', leadPartner: true });
    const surgery = (await admin.request(CREATE, { input: { name: 'Hill Top Surgery', agencyType: 'HEALTH', externalCode: 'b81 234' } })).data.organisationCreate;
    expect(surgery.__typename).toBe('ValidationError');
    const ods = (await admin.request(CREATE, { input: { name: 'Hill Top Surgery', agencyType: 'HEALTH', externalCode: 'b81234' } })).data.organisationCreate;
    expect(ods.organisation).toMatchObject({ externalCode: 'B81234', leadPartner: false });
  });

  it('refuses what makes no sense, every problem at once, and writes nothing', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const before = await counts();
    const errors = async (input: Record<string, unknown>) => {
      const answer = (await admin.request(CREATE, { input })).data.organisationCreate;
      expect(answer.__typename).toBe('ValidationError');
      return answer.fieldErrors;
    };
    expect(await errors({ name: ' ', agencyType: null, externalCode: '1' })).toEqual([
      { path: ['input', 'name'], message: 'Enter the organisation’s name' },
      { path: ['input', 'agencyType'], message: 'Choose the kind of organisation' },
    ]);
    expect(await errors(school({ externalCode: '12345' }))).toEqual([{ path: ['input', 'externalCode'], message: 'A URN is 6 digits, like 117342' }]);
    expect(await errors(school({ externalCode: 'AB1234' }))).toEqual([{ path: ['input', 'externalCode'], message: 'A URN is 6 digits, like 117342' }]);
    expect(await errors(school({ name: 'Hazel School', externalCode: null }))).toEqual([{ path: ['input', 'externalCode'], message: 'Enter the school’s URN, 6 digits like 117342' }]);
    // The same school twice: by name in other capitals, and by URN.
    expect(await errors(school({ name: 'OAKFIELD primary school', externalCode: '117342', leadPartner: true }))).toEqual([
      { path: ['input', 'leadPartner'], message: 'Only the local authority, the police or the NHS integrated care board is a statutory safeguarding partner' },
      { path: ['input', 'name'], message: 'Oakfield Primary School is already an organisation of your partnership' },
      { path: ['input', 'externalCode'], message: 'Oakfield Primary School already has the URN 117342' },
    ]);
    expect(await errors({ name: 'Trust', agencyType: 'HEALTH', externalCode: 'R-Z8' })).toEqual([
      { path: ['input', 'externalCode'], message: 'An NHS ODS code is 3 to 6 letters and digits, like RZ8 or B99123' },
    ]);
    expect(await errors({ name: 'Force', agencyType: 'POLICE', externalCode: '113' })).toEqual([{ path: ['input', 'externalCode'], message: 'A police force code is 2 digits, like 13' }]);
    expect(await errors({ name: 'Council', agencyType: 'EARLY_HELP', externalCode: '93' })).toEqual([{ path: ['input', 'externalCode'], message: 'A local authority code is 3 digits, like 936' }]);
    expect(await errors({ name: 'x'.repeat(201), agencyType: 'OTHER' })).toEqual([{ path: ['input', 'name'], message: 'The name must be 200 characters or fewer' }]);
    expect(await counts()).toEqual(before);
  });

  it('renames, recodes and deactivates only once nobody there has an active account', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const created = (await admin.request(CREATE, { input: school({ name: 'Riverside Infants', externalCode: '654321' }) })).data.organisationCreate.organisation;
    const update = async (input: Record<string, unknown>) => (await admin.request(UPDATE, { input: { organisationId: created.id, ...input } })).data.organisationUpdate;

    expect(await update({ name: 'Riverside Infant School', externalCode: '654322' })).toMatchObject({
      __typename: 'OrganisationUpdateSuccess', organisation: { name: 'Riverside Infant School', externalCode: '654322', active: true },
    });
    const before = await counts();
    expect((await update({ name: 'Oakfield Primary School', externalCode: '117342' })).fieldErrors).toEqual([
      { path: ['input', 'name'], message: 'Oakfield Primary School is already an organisation of your partnership' },
      { path: ['input', 'externalCode'], message: 'Oakfield Primary School already has the URN 117342' },
    ]);
    expect((await update({ externalCode: null })).fieldErrors).toEqual([{ path: ['input', 'externalCode'], message: 'Enter the school’s URN, 6 digits like 117342' }]);
    expect((await update({ leadPartner: true })).fieldErrors).toHaveLength(1);

    // Oakfield still has people signing in.
    const oak = (await admin.request(UPDATE, { input: { organisationId: oakfield, active: false } })).data.organisationUpdate;
    expect(oak.fieldErrors).toEqual([{ path: ['input', 'active'], message: 'Oakfield Primary School still has 4 people with an active account: deactivate them first' }]);
    expect(await counts()).toEqual(before);
    expect((await app.db.organisation.findFirstOrThrow({ where: { name: 'Riverside Infant School' } })).externalCode).toBe('654322');

    // Nobody works at Riverside: it goes, and is no longer offered to anyone.
    expect((await update({ active: false })).organisation).toMatchObject({ active: false, activePeople: 0 });
    const dsl = await signIn(app, EMAIL.dsl);
    expect((await dsl.request(ORGANISATIONS, { all: true })).data.organisations.map((o: any) => o.name)).not.toContain('Riverside Infant School');
    expect((await admin.request(ORGANISATIONS, {})).data.organisations.map((o: any) => o.name)).not.toContain('Riverside Infant School');
    expect((await admin.request(ORGANISATIONS, { all: true })).data.organisations.find((o: any) => o.name === 'Riverside Infant School').active).toBe(false);
    const joining = (await admin.request(USER_CREATE, {
      input: { email: 'new@riverside.example', displayName: 'New Person', organisationId: created.id, roles: ['DSL'] },
    })).data.userCreate;
    expect(joining.fieldErrors).toEqual([{ field: 'organisationId', message: 'Choose an active organisation of your partnership' }]);
    // Its name is still taken while it is deactivated.
    expect((await admin.request(CREATE, { input: school({ name: 'riverside infant school', externalCode: '111111' }) })).data.organisationCreate.fieldErrors)
      .toEqual([{ path: ['input', 'name'], message: 'Riverside Infant School is already a deactivated organisation of your partnership' }]);
    expect((await update({ active: true })).organisation.active).toBe(true);
    const riverside = await app.db.organisation.findFirstOrThrow({ where: { name: 'Riverside Infant School' } });
    const audited = await app.db.auditEvent.findMany({ where: { subjectId: riverside.id }, orderBy: { occurredAt: 'asc' } });
    expect(audited.map((e) => e.action)).toEqual(['organisation.create', 'organisation.update', 'organisation.deactivate', 'organisation.reactivate']);

    // Once its last active person is deactivated, an organisation with people can go too.
    const council = await app.db.organisation.findFirstOrThrow({ where: { name: 'Moorland Families Trust' } });
    const staff = await app.db.user.findMany({ where: { organisationId: council.id, active: true } });
    for (const person of staff) {
      expect((await admin.request(USER_UPDATE, { input: { userId: globalId('User', person.id), active: false } })).data.userUpdate.user.active).toBe(false);
    }
    const gone = (await admin.request(UPDATE, { input: { organisationId: globalId('Organisation', council.id), active: false } })).data.organisationUpdate;
    expect(gone.organisation).toMatchObject({ active: false, activePeople: 0 });
  });

  it('nobody but the administrator adds or changes organisations, and no administrator reaches another partnership', async () => {
    const before = await counts();
    for (const email of [EMAIL.dsl, EMAIL.igLead, EMAIL.teamManager]) {
      const other = await signIn(app, email);
      expect((await other.request(CREATE, { input: school({ name: 'Sneaky School', externalCode: '222222' }) })).data.organisationCreate)
        .toEqual({ __typename: 'NotAuthorisedError', message: 'Only the partnership administrator adds organisations' });
      expect((await other.request(UPDATE, { input: { organisationId: oakfield, name: 'Renamed' } })).data.organisationUpdate.__typename).toBe('NotAuthorisedError');
    }
    const elsewhere = await signIn(app, OTHERBY_ADMIN);
    const notFound = { __typename: 'NotFoundError', message: 'No organisation with that id in your partnership' };
    expect((await elsewhere.request(UPDATE, { input: { organisationId: oakfield, active: false } })).data.organisationUpdate).toEqual(notFound);
    expect((await elsewhere.request(UPDATE, { input: { organisationId: globalId('Organisation', '00000000-0000-0000-0000-000000000000'), name: 'X' } })).data.organisationUpdate).toEqual(notFound);
    expect((await elsewhere.request(UPDATE, { input: { organisationId: globalId('User', '00000000-0000-0000-0000-000000000000'), name: 'X' } })).data.organisationUpdate).toEqual(notFound);
    expect(await counts()).toEqual(before);
    expect(await app.db.organisation.findFirst({ where: { name: 'Oakfield Primary School', active: true, partnership: { code: 'northmoor' } } })).not.toBeNull();

    // Names and URNs are the partnership's own: Otherby may have a school of the same name and URN.
    const own = (await elsewhere.request(CREATE, { input: school({ name: 'Oakfield Primary School', externalCode: '117342' }) })).data.organisationCreate;
    expect(own.organisation).toMatchObject({ name: 'Oakfield Primary School', externalCode: '117342' });
    const names = (await elsewhere.request(ORGANISATIONS, { all: true })).data.organisations.map((o: any) => o.name);
    expect(names).not.toContain('Brookside Primary School');
  });
});
