// Sign-in, sessions and lock-out, over real HTTP against the real server and PostgreSQL.
import { Role } from '@wraparound/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { LOGIN, emailOf, signIn } from '../support/personas.ts';

const ME = /* GraphQL */ `
  query { me { email displayName roles organisation { name agencyType } partnership { code } } }
`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ auth: { lockoutThreshold: 3, lockoutMinutes: 15, firstPauseSeconds: 2, sessionIdleMinutes: 30 } });
});
afterAll(() => app?.close());

function login(email: string, password: string, sessionMode: 'COOKIE' | 'BEARER_TOKEN' = 'BEARER_TOKEN') {
  return app.anonymous.request(LOGIN, { input: { email, password, sessionMode } });
}

describe('signing in', () => {
  it.each(Object.values(Role))('a seeded %s signs in and `me` returns them and their organisation', async (role) => {
    const email = await emailOf(app, role);
    const stored = await app.db.user.findUniqueOrThrow({ where: { email }, include: { organisation: true } });
    const client = await signIn(app, email);
    const { data, errors } = await client.request(ME);
    expect(errors).toBeUndefined();
    expect(data.me).toEqual({
      email,
      displayName: stored.displayName,
      roles: expect.arrayContaining([role]),
      organisation: { name: stored.organisation.name, agencyType: stored.organisation.agencyType },
      partnership: { code: 'northmoor' },
    });
  });

  it('is case-insensitive about the email address and records the sign-in in the audit trail', async () => {
    const email = await emailOf(app, 'SOCIAL_WORKER');
    const before = await app.db.auditEvent.count({ where: { action: 'session.login' } });
    const result = await login(`  ${email.toUpperCase()} `, TEST_PASSWORD);
    expect(result.data.login.__typename).toBe('LoginSuccess');
    expect(await app.db.auditEvent.count({ where: { action: 'session.login' } })).toBe(before + 1);
  });

  it('a browser session is an HTTP-only, SameSite cookie and no token is returned', async () => {
    const email = await emailOf(app, 'DSL');
    const result = await login(email, TEST_PASSWORD, 'COOKIE');
    expect(result.data.login).toMatchObject({ __typename: 'LoginSuccess', token: null, user: { email } });
    const setCookie = result.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^wa_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0]!;
    const browser = app.anonymous.withCookie(cookie);
    expect((await browser.request(ME)).data.me.email).toBe(email);

    // Signing out ends the session and clears the cookie; the old cookie no longer works.
    const out = await browser.request('mutation { logout }');
    expect(out.data).toEqual({ logout: true });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await browser.request(ME);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.data).toBeNull();
  });

  it('only a hash of the session token is stored', async () => {
    const email = await emailOf(app, 'GP');
    const result = await login(email, TEST_PASSWORD);
    const token: string = result.data.login.token;
    const stored = await app.sql<{ tokenHash: string }>(
      `SELECT s."tokenHash" FROM session s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    expect(stored.rows.length).toBeGreaterThan(0);
    for (const row of stored.rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.tokenHash).not.toContain(token);
    }
  });
});

describe('refusals', () => {
  it('a wrong password and an unknown email get the same refusal', async () => {
    const email = await emailOf(app, 'HEALTH_VISITOR');
    const wrong = await login(email, 'not-the-password');
    const unknown = await login('nobody@nowhere.northmoor.example', 'not-the-password');
    expect(wrong.data.login).toEqual({ __typename: 'LoginFailedError', message: 'The email address or password is not right.' });
    expect(unknown.data.login).toEqual(wrong.data.login);
  });

  it('an empty email or password is a validation error naming the field', async () => {
    const result = await login('', '');
    expect(result.data.login.__typename).toBe('ValidationError');
    const fields = result.data.login.fieldErrors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'password']);
  });

  it('repeated failures pause sign-in for a while, and say so whether or not the email exists', async () => {
    const email = await emailOf(app, 'TEAM_MANAGER');
    const unknown = 'no.such.person@northmoor.example';
    const paused: Record<string, any> = {};
    for (const address of [email, unknown]) {
      expect((await login(address, 'wrong-1')).data.login.__typename).toBe('LoginFailedError');
      expect((await login(address, 'wrong-2')).data.login.__typename).toBe('LoginFailedError');
      expect((await login(address, 'wrong-3')).data.login.__typename).toBe('AccountLockedError');
      // Paused: even the right password is refused, with the answer an unknown address gets.
      paused[address] = (await login(address, TEST_PASSWORD)).data.login;
    }
    expect(paused[email].__typename).toBe('AccountLockedError');
    expect(paused[unknown].__typename).toBe('AccountLockedError');
    expect(Object.keys(paused[email]).sort()).toEqual(Object.keys(paused[unknown]).sort());
    expect(await app.db.auditEvent.count({ where: { action: 'account.locked' } })).toBeGreaterThan(0);

    // After the pause (2 s here, the first of growing pauses) the right password works again.
    const until = new Date(paused[email].retryAfter).getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now()) + 100));
    expect((await login(email, TEST_PASSWORD)).data.login.__typename).toBe('LoginSuccess');
  });

  it('a deactivated user cannot sign in and learns nothing more than a wrong password would tell', async () => {
    const email = await emailOf(app, 'SCHOOL_NURSE');
    await app.db.user.update({ where: { email }, data: { active: false } });
    const result = await login(email, TEST_PASSWORD);
    expect(result.data.login.__typename).toBe('LoginFailedError');
  });

  it('a request with no session gets a clear refusal', async () => {
    const result = await app.anonymous.request(ME);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Sign in to use Wraparound.',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', reason: 'NO_SESSION' }),
      }),
    ]);
  });

  it('a made-up token is refused like no session at all', async () => {
    const result = await app.anonymous.withToken('made-up-token').request(ME);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('a session unused for longer than the idle limit has expired, and says so', async () => {
    const client = await signIn(app, await emailOf(app, 'POLICE_OFFICER'));
    expect((await client.request(ME)).errors).toBeUndefined();
    app.advanceClock(20 * 60_000);
    expect((await client.request(ME)).errors, 'use within the limit keeps it alive').toBeUndefined();
    app.advanceClock(31 * 60_000);
    const expired = await client.request(ME);
    expect(expired.data).toBeNull();
    expect(expired.errors?.[0]).toMatchObject({
      message: 'Your session has ended because it was not used for a while. Sign in again.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'EXPIRED' },
    });
  });

  it('every request on an expired session says it expired, not only the first to notice', async () => {
    const client = await signIn(app, await emailOf(app, 'POLICE_OFFICER'));
    app.advanceClock(31 * 60_000);
    // A page's queries arrive together: the first ends the session, the rest find it ended.
    const answers = await Promise.all([client.request(ME), client.request(ME), client.request(ME)]);
    const later = await client.request(ME);
    for (const answer of [...answers, later]) {
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'EXPIRED' });
    }
  });

  it('a session ended by signing out is not described as expired', async () => {
    const client = await signIn(app, await emailOf(app, 'POLICE_OFFICER'));
    expect((await client.request('mutation { logout }')).data).toEqual({ logout: true });
    app.advanceClock(31 * 60_000);
    const after = await client.request(ME);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID' });
  });
});
