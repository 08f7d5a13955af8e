// Multi-factor sign-in with an authenticator app (TOTP), over GraphQL as a client does it. A
// partnership starts with the second factor on; in it, a password alone no longer signs in anyone
// who can read a child's record: they set up an app at their first sign-in (keeping ten recovery
// codes), and give a code at every sign-in after. Codes work once, wrong ones are refused by field
// and, repeated, pause sign-in; a recovery code works once; the administrator's reset is audited,
// emailed and makes the person set up an app again; with the policy off nobody is asked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SECOND_FACTOR_VERIFY, API_SIGN_IN, createMailTransport, deliverDueEmails, loadConfig } from '@wraparound/server';
import { globalId } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { startMailCatcher, type MailCatcher } from '../support/mailCatcher.ts';
import { signIn } from '../support/personas.ts';
import { ADMIN, CONFIRM, ENROL, RESET, VERIFY, codeAt, enrol, passwordStep, setPolicy } from '../support/secondFactor.ts';

const NM = 'northmoor.example';
const DSL = `dsl@oakfield-primary.${NM}`;
const SOCIAL_WORKER = `social.worker@childrens-services.${NM}`;
const GP = `gp@moorside-surgery.${NM}`;
const SERGEANT = `detective.sergeant@public-protection.${NM}`;
const BUSINESS_MANAGER = `business.manager@partnership.${NM}`;
const HEALTH_VISITOR = `health.visitor@community-health.${NM}`;

const ME = /* GraphQL */ `query { me { email secondFactorEnrolled } }`;

let app: TestApp;
let catcher: MailCatcher;
beforeAll(async () => {
  [app, catcher] = await Promise.all([startTestApp({ auth: { lockoutThreshold: 5, lockoutMinutes: 15 } }), startMailCatcher()]);
  await setPolicy(app, true);
});
afterAll(async () => {
  await catcher?.close();
  await app?.close();
});

const verify = (challenge: string, answer: { code?: string; recoveryCode?: string }) =>
  app.anonymous.request(VERIFY, { input: { challenge, ...answer } }).then((r) => r.data.secondFactorVerify);
const audited = (action: string, email: string) =>
  app.db.auditEvent.count({ where: { action, actor: { email } } });

describe('a partnership’s policy', () => {
  it('starts on for a new partnership: the column defaults to asking', async () => {
    const { rows } = await app.sql<{ column_default: string }>(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'partnership' AND column_name = 'secondFactorRequired'`,
    );
    expect(rows[0]?.column_default).toBe('true');
  });

  it('asks nobody for a code while it is off, and only the administrator may turn it off', async () => {
    const dsl = await enrol(app, `deputy.dsl@oakfield-primary.${NM}`);
    const refused = await dsl.client.request(/* GraphQL */ `mutation { secondFactorPolicyUpdate(input: { required: false }) { __typename ... on Error { message } } }`);
    expect(refused.data.secondFactorPolicyUpdate).toEqual({ __typename: 'NotAuthorisedError', message: 'Only the partnership administrator changes how people sign in' });

    await setPolicy(app, false);
    try {
      expect((await passwordStep(app, `deputy.dsl@oakfield-primary.${NM}`)).__typename).toBe('LoginSuccess');
      expect((await passwordStep(app, HEALTH_VISITOR)).__typename).toBe('LoginSuccess');
    } finally {
      await setPolicy(app, true);
    }
    const changes = await app.db.auditEvent.findMany({ where: { action: 'second_factor_policy.update' }, orderBy: { seq: 'asc' } });
    expect(changes.map((c) => c.detail)).toEqual([
      { requiredBefore: false, required: true }, { requiredBefore: true, required: false }, { requiredBefore: false, required: true },
    ]);
  });

  it('asks only those who can read a child’s record', async () => {
    expect((await passwordStep(app, BUSINESS_MANAGER)).__typename).toBe('LoginSuccess');
    expect((await passwordStep(app, ADMIN)).__typename).toBe('LoginSuccess');
    expect((await passwordStep(app, SERGEANT)).__typename).toBe('SecondFactorEnrolmentRequired');
  });
});

describe('enrolment at first sign-in', () => {
  it('gives a challenge, not a session, for a right password; the challenge opens nothing else', async () => {
    const asked = await passwordStep(app, SOCIAL_WORKER);
    expect(asked).toMatchObject({ __typename: 'SecondFactorEnrolmentRequired', message: 'Set up an authenticator app to finish signing in.' });
    const asSession = await app.anonymous.withToken(asked.challenge!).request(ME);
    expect(asSession.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A wrong password still says only that.
    expect((await passwordStep(app, SOCIAL_WORKER, 'not the password at all')).__typename).toBe('LoginFailedError');
  });

  it('sets up an app from the QR code or the secret, refuses a wrong code by field, and gives ten recovery codes once', async () => {
    const asked = await passwordStep(app, DSL);
    const offered = (await app.anonymous.request(ENROL, { input: { challenge: asked.challenge } })).data.secondFactorEnrol;
    expect(offered.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(offered.otpauthUri).toBe(`otpauth://totp/Wraparound:${encodeURIComponent(DSL)}?secret=${offered.secret}&issuer=Wraparound`);
    expect(Buffer.from(offered.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(/^<svg/);
    // Asked again (a reloaded page): the same secret, so the app already set up still matches.
    expect((await app.anonymous.request(ENROL, { input: { challenge: asked.challenge } })).data.secondFactorEnrol.secret).toBe(offered.secret);
    // Nothing about the person is stored in the clear.
    const pending = await app.db.secondFactorChallenge.findFirstOrThrow({ where: { user: { email: DSL }, usedAt: null } });
    expect(pending.pendingSecret).not.toContain(offered.secret);

    const confirm = (code: string) => app.anonymous.request(CONFIRM, { input: { challenge: asked.challenge, code } }).then((r) => r.data.secondFactorConfirm);
    expect(await confirm('12345')).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }] });
    const wrong = String((Number(await codeAt(app, offered.secret)) + 1) % 1_000_000).padStart(6, '0');
    expect(await confirm(wrong)).toMatchObject({
      __typename: 'ValidationError', fieldErrors: [{ field: 'code', message: 'The code is not right. Check your authenticator app and enter the code it shows now.' }],
    });
    expect(await app.db.user.findUniqueOrThrow({ where: { email: DSL } })).toMatchObject({ mfaSecret: null, secondFactorEnrolledAt: null });

    const enrolled = await confirm(await codeAt(app, offered.secret));
    expect(enrolled.__typename).toBe('SecondFactorEnrolled');
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolled.recoveryCodes).size).toBe(10);
    for (const code of enrolled.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const me = await app.anonymous.withToken(enrolled.token).request(ME);
    expect(me.data.me).toEqual({ email: DSL, secondFactorEnrolled: true });

    // Stored sealed and hashed: neither the secret nor a recovery code is in the database.
    const user = await app.db.user.findUniqueOrThrow({ where: { email: DSL }, include: { recoveryCodes: true } });
    expect(user.mfaSecret).toMatch(/^v1:/);
    expect(user.mfaSecret).not.toContain(offered.secret);
    expect(user.recoveryCodes.map((r) => r.codeHash).join()).not.toContain(enrolled.recoveryCodes[0]);
    // The challenge is spent.
    expect((await confirm(await codeAt(app, offered.secret, 1))).fieldErrors).toEqual([{ field: 'challenge', message: 'Your sign-in has timed out or has already been used. Sign in again.' }]);
    expect(await audited('account.second_factor_enrolled', DSL)).toBe(1);
  });
});

describe('signing in with a code', () => {
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    ({ secret, recoveryCodes } = await enrol(app, GP));
    // The next code the app shows: the one just used for enrolment is spent.
    app.advanceClock(30_000);
  });

  it('signs in with the code the app shows, and refuses the same code a second time', async () => {
    const code = await codeAt(app, secret);
    const first = await passwordStep(app, GP);
    expect(first).toMatchObject({ __typename: 'SecondFactorRequired', message: 'Enter the code from your authenticator app.' });
    const signedIn = await verify(first.challenge!, { code });
    expect(signedIn.__typename).toBe('LoginSuccess');
    expect((await app.anonymous.withToken(signedIn.token).request(ME)).data.me.email).toBe(GP);

    const again = await passwordStep(app, GP);
    expect(await verify(again.challenge!, { code })).toMatchObject({
      __typename: 'ValidationError', fieldErrors: [{ field: 'code', message: 'This code has already been used. Wait for your authenticator app to show a new code.' }],
    });
    // A phone a step behind is still believed (later than the code used: the clock only moves on).
    app.advanceClock(60_000);
    expect((await verify(again.challenge!, { code: await codeAt(app, secret, -1) })).__typename).toBe('LoginSuccess');
    const login = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'session.login', actor: { email: GP } }, orderBy: { seq: 'desc' } });
    expect(login.detail).toEqual({ mode: 'bearer', secondFactor: 'code' });
  });

  it('refuses a code from another time, and a challenge that has timed out', async () => {
    app.advanceClock(30_000);
    const asked = await passwordStep(app, GP);
    expect((await verify(asked.challenge!, { code: await codeAt(app, secret, 3) })).fieldErrors[0].field).toBe('code');
    app.advanceClock(11 * 60_000);
    expect((await verify(asked.challenge!, { code: await codeAt(app, secret) })).fieldErrors).toEqual([
      { field: 'challenge', message: 'Your sign-in has timed out or has already been used. Sign in again.' },
    ]);
  });

  it('signs in with a recovery code once, typed any way', async () => {
    const asked = await passwordStep(app, GP);
    const typed = ` ${recoveryCodes[3]!.toUpperCase().replace('-', ' ')} `;
    expect((await verify(asked.challenge!, { recoveryCode: typed })).__typename).toBe('LoginSuccess');
    const again = await passwordStep(app, GP);
    expect(await verify(again.challenge!, { recoveryCode: recoveryCodes[3] })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'recoveryCode', message: 'This recovery code is not right, or it has been used. Each recovery code works once.' }],
    });
    expect((await verify(again.challenge!, { recoveryCode: recoveryCodes[4] })).__typename).toBe('LoginSuccess');
    expect(await audited('account.recovery_code_used', GP)).toBe(2);
  });

  it('refuses an empty answer, or both answers, by field', async () => {
    const asked = await passwordStep(app, GP);
    expect((await verify(asked.challenge!, {})).fieldErrors).toEqual([{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
    expect((await verify(asked.challenge!, { code: '123456', recoveryCode: recoveryCodes[5] })).fieldErrors).toEqual([
      { field: 'recoveryCode', message: 'Enter the code from your app or a recovery code, not both' },
    ]);
    expect((await verify(asked.challenge!, { code: 'x'.repeat(5000) })).fieldErrors).toEqual([{ field: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
    expect((await verify('x'.repeat(5000), { code: '123456' })).fieldErrors[0].field).toBe('challenge');
  });
});

describe('wrong codes', () => {
  it('pause sign-in after five in a row, even with the right code, and tell the person', async () => {
    const email = `school.nurse@community-health.${NM}`;
    const { secret } = await enrol(app, email);
    app.advanceClock(30_000);
    const answers = [];
    for (let i = 0; i < 5; i++) {
      // Signing in again does not start the count afresh: it is the account's.
      const asked = await passwordStep(app, email);
      answers.push((await verify(asked.challenge!, { code: '000000' === (await codeAt(app, secret)) ? '111111' : '000000' })).__typename);
    }
    expect(answers).toEqual(['ValidationError', 'ValidationError', 'ValidationError', 'ValidationError', 'AccountLockedError']);
    const asked = await passwordStep(app, email);
    const paused = await verify(asked.challenge!, { code: await codeAt(app, secret) });
    expect(paused.__typename).toBe('AccountLockedError');
    expect(paused.message).toMatch(/paused after too many failed attempts/);
    expect(await audited('session.second_factor_failed', email)).toBe(5);
    expect(await audited('account.second_factor_paused', email)).toBe(1);
    const nurse = await app.db.user.findUniqueOrThrow({ where: { email } });
    const told = await app.db.notification.findMany({ where: { recipientUserId: nurse.id, event: { kind: 'SECOND_FACTOR_PAUSED' } } });
    expect(told.map((n) => n.channel).sort()).toEqual(['EMAIL', 'IN_APP']);

    // Once the pause is over, the right code signs in.
    app.advanceClock(16 * 60_000);
    const later = await passwordStep(app, email);
    expect((await verify(later.challenge!, { code: await codeAt(app, secret) })).__typename).toBe('LoginSuccess');
  });
});

describe('the administrator’s reset', () => {
  it('is the administrator’s alone, audited, emailed, ends the person’s sessions, and makes them set up an app again', async () => {
    const email = `named.nurse@hospitals.${NM}`;
    const { secret, recoveryCodes, client } = await enrol(app, email);
    const person = await app.db.user.findUniqueOrThrow({ where: { email } });
    const userId = globalId('User', person.id);

    const other = await signIn(app, BUSINESS_MANAGER);
    expect((await other.request(RESET, { input: { userId } })).data.userSecondFactorReset).toEqual({
      __typename: 'NotAuthorisedError', message: 'Only the partnership administrator resets people’s authenticator apps',
    });
    const admin = await signIn(app, ADMIN);
    const notEnrolled = globalId('User', (await app.db.user.findUniqueOrThrow({ where: { email: HEALTH_VISITOR } })).id);
    expect((await admin.request(RESET, { input: { userId: notEnrolled } })).data.userSecondFactorReset.fieldErrors).toEqual([
      { field: 'userId', message: 'This person has not set up an authenticator app, so there is nothing to reset' },
    ]);
    expect((await admin.request(RESET, { input: { userId: globalId('User', '00000000-0000-7000-8000-000000000000') } })).data.userSecondFactorReset.__typename).toBe('NotFoundError');

    const reset = await admin.request(RESET, { input: { userId } });
    expect(reset.data.userSecondFactorReset).toEqual({ __typename: 'UserSecondFactorResetSuccess', user: { email, secondFactorEnrolled: false } });
    const audit = await app.db.auditEvent.findFirstOrThrow({ where: { action: 'account.second_factor_reset', subjectId: person.id }, include: { actor: true } });
    expect(audit.actor?.email).toBe(ADMIN);
    expect((await client.request(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The old app and recovery codes no longer sign in: the next sign-in sets up an app afresh.
    const asked = await passwordStep(app, email);
    expect(asked.__typename).toBe('SecondFactorEnrolmentRequired');
    expect((await verify(asked.challenge!, { recoveryCode: recoveryCodes[0] })).fieldErrors[0].field).toBe('challenge');
    const offered = (await app.anonymous.request(ENROL, { input: { challenge: asked.challenge } })).data.secondFactorEnrol;
    expect(offered.secret).not.toBe(secret);

    // Told by email, in words that say nothing more.
    const transport = createMailTransport({ smtpUrl: catcher.url, dataDir: os.tmpdir() });
    try {
      await deliverDueEmails(app.db, transport, { now: app.now(), maxAttempts: 3, publicUrl: 'https://wraparound.test', from: 'Wraparound <no-reply@wraparound.invalid>' });
    } finally {
      transport.close();
    }
    const mail = catcher.received.find((m) => m.to.includes(email) && m.subject.includes('Your sign-in code was reset'));
    expect(mail?.text).toContain('Your administrator reset the authenticator app you sign in with.');
    expect(mail?.text).not.toContain(secret);
  });
});

describe('API clients in production', () => {
  // Only persisted operations run without a session there: the web app's, and those published for
  // API clients (server/src/http/apiClientOperations.ts).
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ production: true, persistedOperationsOnly: true });
  });
  afterAll(() => production?.close());

  const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
  const webManifest = JSON.parse(readFileSync(path.join(loadConfig({}).webDist, 'persisted-operations.json'), 'utf8')) as Record<string, string>;
  const webHash = (start: string) => Object.entries(webManifest).find(([, text]) => text.startsWith(start))![0];
  async function persisted(sha256Hash: string, variables: Record<string, unknown>) {
    const response = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wraparound-csrf': '1' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } }, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
    expect(body.errors, JSON.stringify(body)).toBeUndefined();
    return Object.values(body.data!)[0];
  }
  const apiSignIn = (email: string) => persisted(hashOf(API_SIGN_IN), { email, password: TEST_PASSWORD });

  it('finish signing in with the published second step, once the person has set up an app in the web app', async () => {
    const admin = await apiSignIn(ADMIN);
    const required = await production.anonymous.withToken(admin.token).request(/* GraphQL */ `mutation { secondFactorPolicyUpdate(input: { required: true }) { __typename } }`);
    expect(required.data.secondFactorPolicyUpdate.__typename).toBe('SecondFactorPolicy');

    // Set up through the web app's own operations.
    const first = await apiSignIn(DSL);
    expect(first.__typename).toBe('SecondFactorEnrolmentRequired');
    const offered = await persisted(webHash('mutation SecondFactorEnrol'), { input: { challenge: first.challenge } });
    const code = await codeAt(production, offered.secret);
    expect((await persisted(webHash('mutation SecondFactorConfirm'), { input: { challenge: first.challenge, code } })).__typename).toBe('SecondFactorEnrolled');

    production.advanceClock(30_000);
    const asked = await apiSignIn(DSL);
    expect(asked).toMatchObject({ __typename: 'SecondFactorRequired', message: 'Enter the code from your authenticator app.' });
    const signedIn = await persisted(hashOf(API_SECOND_FACTOR_VERIFY), { challenge: asked.challenge, code: await codeAt(production, offered.secret) });
    expect(signedIn.__typename).toBe('LoginSuccess');
    expect((await production.anonymous.withToken(signedIn.token).request(ME)).data.me.email).toBe(DSL);
  });
});
