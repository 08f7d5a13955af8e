// Single sign-on with an organisation's own identity provider, over real HTTP: the real server,
// a real OpenID provider (oidc-provider) on loopback with its own sign-in and consent pages, and
// a cookie-keeping client that follows every redirect as a browser would. People are matched to
// the accounts the administrator made, never created; every refusal is a clear page and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../access/fixtures.ts';
import { EMAIL, NM } from '../restrictions/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { FormBrowser, type Page } from '../support/formBrowser.ts';
import { GraphQLClient } from '../support/graphql.ts';
import { startIdentityProvider, type IdentityProvider } from '../support/identityProvider.ts';
import { LOGIN, signIn } from '../support/personas.ts';

const SET = /* GraphQL */ `
  mutation($input: OrganisationSingleSignOnSetInput!) { organisationSingleSignOnSet(input: $input) { __typename ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on OrganisationSingleSignOnSetSuccess { organisation { name singleSignOn { issuer clientId emailDomains passwordsDisabled signInPath } } } } }`;
const REMOVE = /* GraphQL */ `
  mutation($input: OrganisationSingleSignOnRemoveInput!) { organisationSingleSignOnRemove(input: $input) { __typename ... on Error { message } } }`;
const ORGANISATIONS = /* GraphQL */ `query { organisations { name singleSignOn { issuer } } }`;
const ME = /* GraphQL */ `query { me { email organisation { name } } }`;

const POLICE_DOMAIN = `public-protection.${NM}`;
const DETECTIVE_SERGEANT = `detective.sergeant@${POLICE_DOMAIN}`;
const DETECTIVE_INSPECTOR = `detective.inspector@${POLICE_DOMAIN}`;

let app: TestApp;
let idp: IdentityProvider;
let admin: GraphQLClient;
let police: { id: string; globalId: string };

beforeAll(async () => {
  app = await startTestApp();
  idp = await startIdentityProvider(app.url);
  admin = await signIn(app, EMAIL.admin);
  const organisation = await app.db.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police – Public Protection' } });
  police = { id: organisation.id, globalId: globalId('Organisation', organisation.id) };
});
afterAll(async () => {
  await idp?.close();
  await app?.close();
});

const configuration = (over: Record<string, unknown> = {}) => ({
  organisationId: police.globalId, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
  emailDomains: [POLICE_DOMAIN], passwordsDisabled: false, ...over,
});

/** Signs in at the provider as `subject` from the sign-in page's email box, through its consent. */
async function signInThroughProvider(browser: FormBrowser, subject: string, email: string): Promise<Page> {
  const login = await browser.get(`${app.url}/auth/sso/start?email=${encodeURIComponent(email)}`);
  expect(login.url.origin).toBe(idp.issuer);
  expect(login.html).toContain('name="login"');
  const consent = await browser.submit(login, { login: subject, password: 'whatever the provider checks' });
  if (consent.url.origin !== idp.issuer) return consent;
  return browser.submit(consent, {});
}

const sessionOf = async (browser: FormBrowser) => browser.cookie(app.url, 'wa_session');
const refusals = (reason: string) =>
  app.db.auditEvent.count({ where: { action: 'session.single_sign_on_refused', detail: { path: ['reason'], equals: reason } } });

describe('the administrator connects an organisation to its identity provider', () => {
  it('refuses what is wrong, field by field, and changes nothing', async () => {
    const before = await app.db.auditEvent.count({ where: { action: { startsWith: 'organisation.single_sign_on' } } });
    const result = (await admin.request(SET, {
      input: configuration({ issuer: 'http://login.example.police.uk', clientId: ' ', clientSecret: null, emailDomains: ['not a domain', 'x'.repeat(300)] }),
    })).data.organisationSingleSignOnSet;
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual(expect.arrayContaining([
      { path: ['input', 'issuer'], message: 'The issuer must be an https address, like https://login.example.police.uk' },
      { path: ['input', 'clientId'], message: 'Enter the client id the identity provider gave Wraparound' },
      { path: ['input', 'emailDomains', '0'], message: 'Enter an email domain like northmoor.police.uk' },
      { path: ['input', 'emailDomains', '1'], message: 'An email domain must be 253 characters or fewer' },
    ]));
    const noSecret = (await admin.request(SET, { input: configuration({ clientSecret: null }) })).data.organisationSingleSignOnSet;
    expect(noSecret.fieldErrors).toEqual([{ path: ['input', 'clientSecret'], message: 'Enter the client secret the identity provider gave Wraparound' }]);
    expect(await app.db.organisationSingleSignOn.count()).toBe(0);
    expect(await app.db.auditEvent.count({ where: { action: { startsWith: 'organisation.single_sign_on' } } })).toBe(before);
  });

  it('only the partnership administrator may, and nobody else is told about it', async () => {
    const dsl = await signIn(app, EMAIL.dsl);
    expect((await dsl.request(SET, { input: configuration() })).data.organisationSingleSignOnSet).toEqual({
      __typename: 'NotAuthorisedError', message: 'Only the partnership administrator sets up single sign-on',
    });
    expect(await app.db.organisationSingleSignOn.count()).toBe(0);
  });

  it('saves it, audited, and never gives the client secret back', async () => {
    const saved = await admin.request(SET, { input: configuration({ issuer: `${idp.issuer}/`, emailDomains: [` @${POLICE_DOMAIN.toUpperCase()} `] }) });
    expect(saved.data.organisationSingleSignOnSet).toEqual({
      __typename: 'OrganisationSingleSignOnSetSuccess',
      organisation: {
        name: 'Northmoor Police – Public Protection',
        singleSignOn: { issuer: idp.issuer, clientId: idp.clientId, emailDomains: [POLICE_DOMAIN], passwordsDisabled: false, signInPath: `/auth/sso/start?organisation=${police.id}` },
      },
    });
    expect(saved.raw).not.toContain(idp.clientSecret);
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'organisation.single_sign_on_set' } });
    expect(JSON.stringify(audit.detail)).not.toContain(idp.clientSecret);
    // Changed without a secret, the stored one stays.
    expect((await admin.request(SET, { input: configuration({ clientSecret: null }) })).data.organisationSingleSignOnSet.__typename).toBe('OrganisationSingleSignOnSetSuccess');
    expect((await app.db.organisationSingleSignOn.findUniqueOrThrow({ where: { organisationId: police.id } })).clientSecret).toBe(idp.clientSecret);
    // Nobody but the administrator learns which provider an organisation uses.
    const officer = await signIn(app, EMAIL.police);
    const seen = (await officer.request(ORGANISATIONS)).data.organisations.find((o: { name: string }) => o.name === 'Northmoor Police – Public Protection');
    expect(seen).toEqual({ name: 'Northmoor Police – Public Protection', singleSignOn: null });
  });

  it('an email domain goes to one organisation’s provider only', async () => {
    const mash = await app.db.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police – MASH Team' } });
    const result = (await admin.request(SET, { input: configuration({ organisationId: globalId('Organisation', mash.id) }) })).data.organisationSingleSignOnSet;
    expect(result.fieldErrors).toEqual([{ path: ['input', 'emailDomains'], message: `${POLICE_DOMAIN} already goes to another organisation’s identity provider` }]);
    expect(await app.db.organisationSingleSignOn.count()).toBe(1);
  });
});

describe('signing in with the organisation’s account', () => {
  it('matches the person by their verified email, starts a session, and afterwards by their provider account', async () => {
    idp.addAccount('pc-4471', { email: EMAIL.police, email_verified: true });
    const browser = new FormBrowser();
    const landed = await signInThroughProvider(browser, 'pc-4471', EMAIL.police);
    expect(landed.url.href).toBe(`${app.url}/`);
    expect(landed.status).toBe(200);
    const session = await sessionOf(browser);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await app.anonymous.withCookie(`wa_session=${session}`).request(ME);
    expect(me.data.me).toEqual({ email: EMAIL.police, organisation: { name: 'Northmoor Police – Public Protection' } });

    const user = await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.police }, include: { singleSignOnIdentity: true } });
    expect(user.singleSignOnIdentity).toMatchObject({ issuer: idp.issuer, subject: 'pc-4471' });
    const login = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'session.login', actorUserId: user.id }, orderBy: { seq: 'desc' } });
    expect(login.detail).toMatchObject({ method: 'single_sign_on', issuer: idp.issuer });
    expect(await app.db.auditEvent.count({ where: { action: 'user.single_sign_on_linked', subjectId: user.id } })).toBe(1);

    // The provider changes the address it gives (a married name): the linked account still matches.
    idp.addAccount('pc-4471', { email: `daniel.hirst-new@${POLICE_DOMAIN}`, email_verified: true });
    const again = new FormBrowser();
    expect((await signInThroughProvider(again, 'pc-4471', EMAIL.police)).url.href).toBe(`${app.url}/`);
    expect((await app.anonymous.withCookie(`wa_session=${await sessionOf(again)}`).request(ME)).data.me.email).toBe(EMAIL.police);
  });

  it('starts from the organisation’s own link as well as from an email address', async () => {
    idp.addAccount('di-0193', { email: DETECTIVE_INSPECTOR, email_verified: true });
    const browser = new FormBrowser();
    const login = await browser.get(`${app.url}/auth/sso/start?organisation=${police.id}`);
    expect(login.url.origin).toBe(idp.issuer);
    const landed = await browser.submit(await browser.submit(login, { login: 'di-0193', password: 'x' }), {});
    expect(landed.url.href).toBe(`${app.url}/`);
    expect((await app.anonymous.withCookie(`wa_session=${await sessionOf(browser)}`).request(ME)).data.me.email).toBe(DETECTIVE_INSPECTOR);
  });

  it('refuses an account nobody registered in Wraparound, creating nobody', async () => {
    const users = await app.db.user.count();
    const before = await refusals('NOT_REGISTERED');
    idp.addAccount('pc-9999', { email: `new.officer@${POLICE_DOMAIN}`, email_verified: true });
    const browser = new FormBrowser();
    const page = await signInThroughProvider(browser, 'pc-9999', `new.officer@${POLICE_DOMAIN}`);
    expect(page.url.pathname).toBe('/auth/sso/callback');
    expect(page.status).toBe(403);
    expect(page.html).toContain('Your organisation’s account is not registered in Wraparound');
    expect(page.html).toContain('Ask your Wraparound administrator');
    expect(await sessionOf(browser)).toBeNull();
    expect(await app.db.user.count()).toBe(users);
    expect(await app.db.singleSignOnIdentity.count({ where: { subject: 'pc-9999' } })).toBe(0);
    expect(await refusals('NOT_REGISTERED')).toBe(before + 1);
  });

  it('refuses a person of another organisation, even with the address verified', async () => {
    const researcher = `mash.police.researcher@mash-police.${NM}`;
    idp.addAccount('mash-1', { email: researcher, email_verified: true });
    const browser = new FormBrowser();
    const page = await signInThroughProvider(browser, 'mash-1', EMAIL.police);
    expect(page.status).toBe(403);
    expect(page.html).toContain('Your organisation’s account is not registered in Wraparound');
    expect(await sessionOf(browser)).toBeNull();
    expect(await refusals('WRONG_ORGANISATION')).toBe(1);
    expect(await app.db.singleSignOnIdentity.count({ where: { subject: 'mash-1' } })).toBe(0);
  });

  it('refuses an address the provider has not verified', async () => {
    idp.addAccount('ds-unverified', { email: DETECTIVE_SERGEANT, email_verified: false });
    const browser = new FormBrowser();
    const page = await signInThroughProvider(browser, 'ds-unverified', DETECTIVE_SERGEANT);
    expect(page.status).toBe(403);
    expect(page.html).toContain('did not confirm your email address');
    expect(await sessionOf(browser)).toBeNull();
    expect(await refusals('EMAIL_NOT_VERIFIED')).toBe(1);
  });

  it('refuses a deactivated account', async () => {
    await app.db.user.update({ where: { email: DETECTIVE_SERGEANT }, data: { active: false } });
    try {
      idp.addAccount('ds-1', { email: DETECTIVE_SERGEANT, email_verified: true });
      const browser = new FormBrowser();
      const page = await signInThroughProvider(browser, 'ds-1', DETECTIVE_SERGEANT);
      expect(page.status).toBe(403);
      expect(page.html).toContain('Your Wraparound account is not active');
      expect(await sessionOf(browser)).toBeNull();
      expect(await refusals('DEACTIVATED')).toBe(1);
    } finally {
      await app.db.user.update({ where: { email: DETECTIVE_SERGEANT }, data: { active: true } });
    }
  });

  it('refuses an answer whose state was tampered with, and an answer used twice', async () => {
    idp.addAccount('ds-1', { email: DETECTIVE_SERGEANT, email_verified: true });
    let callback: URL | null = null;
    const browser = new FormBrowser((to) => {
      if (to.pathname !== '/auth/sso/callback') return to;
      callback = new URL(to);
      const tampered = new URL(to);
      tampered.searchParams.set('state', 'someone-elses-state');
      return tampered;
    });
    const before = await refusals('NOT_COMPLETED');
    const page = await signInThroughProvider(browser, 'ds-1', DETECTIVE_SERGEANT);
    expect(page.status).toBe(400);
    expect(page.html).toContain('Sign-in was not completed');
    expect(await sessionOf(browser)).toBeNull();
    expect(await refusals('NOT_COMPLETED')).toBe(before + 1);

    // The untampered answer, now too late: the attempt was used up by the first.
    const replay = await new FormBrowser().get(callback!);
    expect(replay.status).toBe(400);
    expect(await refusals('NOT_COMPLETED')).toBe(before + 2);
    expect(app.serverErrors.filter((line) => line.includes('unexpected'))).toEqual([]);
  });

  it('refuses a second provider account for an address already linked, until the administrator unlinks the first', async () => {
    // The force gives the officer's address to a new account (pc-4471 is linked from the first test).
    idp.addAccount('pc-5000', { email: EMAIL.police, email_verified: true });
    const refused = await signInThroughProvider(new FormBrowser(), 'pc-5000', EMAIL.police);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Your Wraparound account belongs to another account at your organisation');
    expect(await refusals('LINKED_ELSEWHERE')).toBe(1);

    const officer = await app.db.user.findUniqueOrThrow({ where: { email: EMAIL.police } });
    const UNLINK = `mutation($input: UserSingleSignOnUnlinkInput!) { userSingleSignOnUnlink(input: $input) { __typename ... on Error { message } } }`;
    const dsl = await signIn(app, EMAIL.dsl);
    expect((await dsl.request(UNLINK, { input: { userId: globalId('User', officer.id) } })).data.userSingleSignOnUnlink.__typename).toBe('NotAuthorisedError');
    expect((await admin.request(UNLINK, { input: { userId: globalId('User', officer.id) } })).data.userSingleSignOnUnlink.__typename).toBe('UserSingleSignOnUnlinkSuccess');
    expect(await app.db.auditEvent.count({ where: { action: 'user.single_sign_on_unlinked', subjectId: officer.id } })).toBe(1);

    const browser = new FormBrowser();
    expect((await signInThroughProvider(browser, 'pc-5000', EMAIL.police)).url.href).toBe(`${app.url}/`);
    expect(await app.db.singleSignOnIdentity.findUniqueOrThrow({ where: { userId: officer.id } })).toMatchObject({ subject: 'pc-5000' });
  });

  it('says so when the address belongs to no organisation with its own provider', async () => {
    const page = await new FormBrowser().get(`${app.url}/auth/sso/start?email=${encodeURIComponent(EMAIL.dsl)}`);
    expect(page.status).toBe(404);
    expect(page.html).toContain('Your organisation does not sign in to Wraparound with its own account');
    expect(await app.db.singleSignOnAttempt.count({ where: { usedAt: null, organisationId: { not: police.id } } })).toBe(0);
  });
});

describe('passwords turned off for the organisation', () => {
  it('refuses the right password with directions, a wrong one as ever, and other organisations keep theirs', async () => {
    await admin.request(SET, { input: configuration({ clientSecret: null, passwordsDisabled: true }) });
    const right = (await app.anonymous.request(LOGIN, { input: { email: EMAIL.police, password: TEST_PASSWORD } })).data.login;
    expect(right).toEqual({
      __typename: 'PasswordSignInDisabledError',
      message: 'Your organisation signs in to Wraparound with its own account, not a password: choose “Sign in with your organisation’s account”.',
    });
    const wrong = (await app.anonymous.request(LOGIN, { input: { email: EMAIL.police, password: 'not the password' } })).data.login;
    expect(wrong.__typename).toBe('LoginFailedError');
    await signIn(app, EMAIL.dsl);

    // Single sign-on still works; disconnecting the provider brings passwords back.
    const browser = new FormBrowser();
    expect((await signInThroughProvider(browser, 'pc-5000', EMAIL.police)).url.href).toBe(`${app.url}/`);
    expect((await admin.request(REMOVE, { input: { organisationId: police.globalId } })).data.organisationSingleSignOnRemove.__typename).toBe('OrganisationSingleSignOnRemoveSuccess');
    await signIn(app, EMAIL.police);
    expect(await app.db.auditEvent.count({ where: { action: 'organisation.single_sign_on_removed' } })).toBe(1);
  });
});
