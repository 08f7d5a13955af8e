// Partnership administration of people: the administrator adds a person with roles that fit their
// agency and a one-time link; the person sets their own password with it and signs in; the link
// works once; roles change and deactivation end sessions at once; nobody else can do any of it,
// and nothing crosses partnerships. Organisations are listed for everyone signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn, LOGIN } from '../support/personas.ts';
import { globalId } from '../access/fixtures.ts';
import { EMAIL } from '../restrictions/support.ts';
import { TEST_PASSWORD } from '../support/constants.ts';

const CREATE = /* GraphQL */ `
  mutation($input: UserCreateInput!) { userCreate(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on UserCreateSuccess { user { id email roles active passwordSet organisation { name } } invitation { token expiresAt } } } }`;
const UPDATE = /* GraphQL */ `
  mutation($input: UserUpdateInput!) { userUpdate(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }
    ... on UserUpdateSuccess { user { roles active displayName } } } }`;
const INVITE = /* GraphQL */ `
  mutation($id: ID!) { userInvite(userId: $id) { __typename ... on Error { message } ... on UserInviteSuccess { invitation { token } } } }`;
const ACTIVATE = /* GraphQL */ `
  mutation($input: AccountActivateInput!) { accountActivate(input: $input) { __typename ... on ValidationError { fieldErrors { field message } }
    ... on AccountActivateSuccess { email } } }`;
const USERS = /* GraphQL */ `query($org: ID) { users(first: 200, organisationId: $org) { edges { node { email active } } } }`;
const ORGANISATIONS = /* GraphQL */ `query($types: [AgencyType!]) { organisations(agencyTypes: $types) { id name agencyType } }`;
const ME = /* GraphQL */ `query { me { email roles } }`;
const PERSON = /* GraphQL */ `query($id: ID!) { user(id: $id) { email roles } }`;

const NEW_EMAIL = 'new.teacher@oakfield-primary.northmoor.example';
const PASSWORD = 'correct horse battery staple';

let app: TestApp;
let oakfield: string;
beforeAll(async () => {
  app = await startTestApp();
  oakfield = globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
});
afterAll(() => app?.close());

const login = (email: string, password: string) => app.anonymous.request(LOGIN, { input: { email, password, sessionMode: 'BEARER_TOKEN' } });
const activate = (token: string, password: string) => app.anonymous.request(ACTIVATE, { input: { token, password } });

describe('people in the partnership', () => {
  it('the administrator adds a person; they set their own password with the link, once, and sign in', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const created = (await admin.request(CREATE, {
      input: { email: ` ${NEW_EMAIL.toUpperCase()} `, displayName: 'Priya Shah', jobTitle: 'Class teacher', organisationId: oakfield, roles: ['SCHOOL_STAFF'] },
    })).data.userCreate;
    expect(created.__typename).toBe('UserCreateSuccess');
    expect(created.user).toMatchObject({ email: NEW_EMAIL, roles: ['SCHOOL_STAFF'], active: true, passwordSet: false, organisation: { name: 'Oakfield Primary School' } });
    const token: string = created.invitation.token;
    // Until the link is used, no password signs in (the answer is the ordinary one).
    expect((await login(NEW_EMAIL, 'anything at all here')).data.login.__typename).toBe('LoginFailedError');
    expect(await app.db.accountInvitation.count({ where: { tokenHash: token } })).toBe(0);

    expect((await activate(token, 'short')).data.accountActivate.fieldErrors).toEqual([{ field: 'password', message: 'Your password must be at least 12 characters' }]);
    expect((await activate(token, 'new.teacher-2026!')).data.accountActivate.fieldErrors).toEqual([{ field: 'password', message: 'Your password must not contain your email address' }]);
    expect((await activate(token, PASSWORD)).data.accountActivate).toEqual({ __typename: 'AccountActivateSuccess', email: NEW_EMAIL });
    const used = (await activate(token, 'another long password')).data.accountActivate;
    expect(used.fieldErrors).toEqual([{ field: 'token', message: 'This link has expired or has been used. Ask your partnership administrator for a new one.' }]);
    expect((await activate('made-up-token', PASSWORD)).data.accountActivate.fieldErrors).toEqual(used.fieldErrors);

    const signedIn = await signIn(app, NEW_EMAIL, PASSWORD);
    expect((await signedIn.request(ME)).data.me).toEqual({ email: NEW_EMAIL, roles: ['SCHOOL_STAFF'] });
    expect(await app.db.auditEvent.count({ where: { action: { in: ['user.create', 'account.password_set'] } } })).toBe(2);
  });

  it('refuses what makes no sense, and writes nothing', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const before = await app.db.user.count();
    const bad = (await admin.request(CREATE, {
      input: { email: 'not an email', displayName: ' ', organisationId: oakfield, roles: ['DETECTIVE_SERGEANT'] },
    })).data.userCreate.fieldErrors;
    expect(bad).toEqual(expect.arrayContaining([
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.org' },
      { field: 'displayName', message: 'Enter the person’s name' },
    ]));
    const misfit = (await admin.request(CREATE, {
      input: { email: 'x.y@oakfield-primary.northmoor.example', displayName: 'X Y', organisationId: oakfield, roles: ['DETECTIVE_SERGEANT'] },
    })).data.userCreate.fieldErrors;
    expect(misfit).toEqual([{ field: 'roles', message: 'DETECTIVE_SERGEANT is not a role at Oakfield Primary School' }]);
    const taken = (await admin.request(CREATE, { input: { email: EMAIL.dsl, displayName: 'Dup', organisationId: oakfield, roles: ['DSL'] } })).data.userCreate.fieldErrors;
    expect(taken).toEqual([{ field: 'email', message: 'Someone already has an account with this email address' }]);
    const otherby = globalId('Organisation', (await app.db.organisation.findFirstOrThrow({ where: { partnership: { code: 'otherby' } } })).id);
    const elsewhere = (await admin.request(CREATE, { input: { email: 'a.b@x.example', displayName: 'A B', organisationId: otherby, roles: ['DSL'] } })).data.userCreate.fieldErrors;
    expect(elsewhere).toEqual([{ field: 'organisationId', message: 'Choose an active organisation of your partnership' }]);
    expect(await app.db.user.count()).toBe(before);

    const me = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.admin } })).id);
    expect((await admin.request(UPDATE, { input: { userId: me, active: false } })).data.userUpdate.fieldErrors)
      .toEqual([{ field: 'active', message: 'You cannot deactivate your own account' }]);
    expect((await admin.request(UPDATE, { input: { userId: me, roles: ['IG_LEAD'] } })).data.userUpdate.fieldErrors)
      .toEqual([{ field: 'roles', message: 'You cannot remove your own administrator role' }]);
  });

  it('the administrator corrects a person’s name and job title without ending their sessions', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const head = await signIn(app, EMAIL.head);
    const headId = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.head } })).id);
    const JOB = /* GraphQL */ `
      mutation($input: UserUpdateInput!) { userUpdate(input: $input) { __typename ... on ValidationError { fieldErrors { field message } }
        ... on UserUpdateSuccess { user { displayName jobTitle roles } } } }`;
    const renamed = (await admin.request(JOB, { input: { userId: headId, displayName: '  Dr Amara Okafor ', jobTitle: 'Executive headteacher' } })).data.userUpdate;
    expect(renamed).toEqual({ __typename: 'UserUpdateSuccess', user: { displayName: 'Dr Amara Okafor', jobTitle: 'Executive headteacher', roles: ['HEADTEACHER'] } });
    expect((await head.request(ME)).data.me.email).toBe(EMAIL.head);
    expect((await admin.request(JOB, { input: { userId: headId, jobTitle: null } })).data.userUpdate.user.jobTitle).toBeNull();
    for (const displayName of [' ', null]) {
      expect((await admin.request(JOB, { input: { userId: headId, displayName } })).data.userUpdate.fieldErrors).toEqual([{ field: 'displayName', message: 'Enter the person’s name' }]);
    }
    expect((await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.head } })).displayName).toBe('Dr Amara Okafor');
    const audit = await app.db.auditEvent.findMany({ where: { action: 'user.update', subjectId: Buffer.from(headId, 'base64').toString().split(':')[1] }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((e) => (e.detail as { changed: string[] }).changed)).toEqual([['displayName', 'jobTitle'], ['jobTitle']]);
  });

  it('deactivation and a change of roles end the person’s sessions at once; a fresh link replaces the old', async () => {
    const admin = await signIn(app, EMAIL.admin);
    const deputy = await signIn(app, EMAIL.deputy);
    const deputyId = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.deputy } })).id);
    const promoted = (await admin.request(UPDATE, { input: { userId: deputyId, roles: ['DSL', 'DEPUTY_DSL'] } })).data.userUpdate;
    expect(promoted.user.roles).toEqual(['DSL', 'DEPUTY_DSL']);
    expect((await deputy.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await (await signIn(app, EMAIL.deputy)).request(ME)).data.me.roles).toEqual(['DSL', 'DEPUTY_DSL']);

    const again = await signIn(app, EMAIL.deputy);
    expect((await admin.request(UPDATE, { input: { userId: deputyId, active: false } })).data.userUpdate.user.active).toBe(false);
    expect((await again.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(EMAIL.deputy, TEST_PASSWORD)).data.login.__typename).toBe('LoginFailedError');
    // The administrator's list shows the deactivated person only when asked.
    const listed = async (includeInactive: boolean) =>
      (await admin.request(`query { users(first: 200, includeInactive: ${includeInactive}) { edges { node { email } } } }`)).data.users.edges.map((e: any) => e.node.email);
    expect(await listed(false)).not.toContain(EMAIL.deputy);
    expect(await listed(true)).toContain(EMAIL.deputy);
    // A deactivated person gets no new link.
    expect((await admin.request(INVITE, { id: deputyId })).data.userInvite.__typename).toBe('NotFoundError');
    expect((await admin.request(UPDATE, { input: { userId: deputyId, active: true } })).data.userUpdate.user.active).toBe(true);

    // A forgotten password: a fresh link; the earlier one stops working.
    const first = (await admin.request(INVITE, { id: deputyId })).data.userInvite.invitation.token;
    const second = (await admin.request(INVITE, { id: deputyId })).data.userInvite.invitation.token;
    expect((await activate(first, PASSWORD)).data.accountActivate.__typename).toBe('ValidationError');
    expect((await activate(second, PASSWORD)).data.accountActivate.__typename).toBe('AccountActivateSuccess');
    expect((await (await signIn(app, EMAIL.deputy, PASSWORD)).request(ME)).data.me.email).toBe(EMAIL.deputy);
  });

  it('nobody but the administrator changes accounts, and only the IG lead also sees them; links expire', async () => {
    const dslId = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.dsl } })).id);
    for (const email of [EMAIL.dsl, EMAIL.igLead, EMAIL.teamManager, EMAIL.otherbyDsl]) {
      const other = await signIn(app, email);
      const listed = (await other.request(USERS, {})).data.users.edges;
      const person = (await other.request(PERSON, { id: dslId })).data.user;
      // The IG lead reads the list of people and each person, to open anyone's access log; nobody else does.
      if (email === EMAIL.igLead) {
        expect(listed.length).toBeGreaterThan(0);
        expect(person).not.toBeNull();
      } else {
        expect(listed, email).toEqual([]);
        expect(person, email).toBeNull();
      }
      expect((await other.request(CREATE, { input: { email: 'z@x.example', displayName: 'Z', organisationId: oakfield, roles: ['DSL'] } })).data.userCreate.__typename).toBe('NotAuthorisedError');
      expect((await other.request(UPDATE, { input: { userId: dslId, active: false } })).data.userUpdate.__typename).toBe('NotAuthorisedError');
      expect((await other.request(INVITE, { id: dslId })).data.userInvite.__typename).toBe('NotAuthorisedError');
    }
    // Everyone sees their own partnership's organisations, and only those.
    const names = (await (await signIn(app, EMAIL.otherbyDsl)).request(ORGANISATIONS, {})).data.organisations.map((o: any) => o.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('Oakfield Primary School');
    const schools = (await (await signIn(app, EMAIL.police)).request(ORGANISATIONS, { types: ['SCHOOL'] })).data.organisations;
    expect(schools.map((o: any) => o.name)).toContain('Oakfield Primary School');
    expect(schools.every((o: any) => o.agencyType === 'SCHOOL')).toBe(true);

    // The administrator reads one of their own partnership's people, and nobody of another.
    const admin = await signIn(app, EMAIL.admin);
    expect((await admin.request(PERSON, { id: dslId })).data.user).toEqual({ email: EMAIL.dsl, roles: ['DSL'] });
    const otherbyDslId = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.otherbyDsl } })).id);
    expect((await admin.request(PERSON, { id: otherbyDslId })).data.user).toBeNull();

    // A link a week old no longer works.
    const token = (await admin.request(INVITE, { id: dslId })).data.userInvite.invitation.token;
    app.advanceClock(7 * 86_400_000 + 60_000);
    expect((await activate(token, PASSWORD)).data.accountActivate.__typename).toBe('ValidationError');
  });
});
