// Sign-in throttling (issue 16): the outside test made 200 sign-ins to 200 addresses from one
// network address in 8 s, all processed, and locked a known user out for 15 minutes with five wrong
// passwords from anywhere. Now failures pause sign-in with growing pauses, counted per account at
// an address, per address, and per account; the person at their own desk is not locked out by
// someone guessing elsewhere. Requests here come from different loopback addresses (127.0.0.x).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAK } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { LOGIN } from '../support/personas.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ auth: { lockoutThreshold: 3, firstPauseSeconds: 1, lockoutMinutes: 15, addressFailureLimit: 20, accountFailureLimit: 40 } });
});
afterAll(() => app?.close());

/** Signs in from the given loopback address, as a client on another machine would. */
function signInFrom(from: string, email: string, password: string): Promise<{ __typename: string; retryAfter?: string }> {
  const url = new URL(`${app.url}/graphql`);
  const body = JSON.stringify({ query: LOGIN, variables: { input: { email, password, sessionMode: 'BEARER_TOKEN' } } });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wraparound-csrf': '1' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text);
          if (!parsed.data?.login) reject(new Error(text));
          else resolve(parsed.data.login);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleepUntil = (iso: string) => new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(iso).getTime() - Date.now()) + 100));

describe('signing in after failures', () => {
  it('pauses one address trying many accounts: of 200 sign-ins to 200 addresses, those after the limit are refused', async () => {
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push((await signInFrom('127.0.0.11', `person${i}@northmoor.example`, 'guess')).__typename);
    expect(answers.slice(0, 19).every((a) => a === 'LoginFailedError')).toBe(true);
    expect(answers.slice(20).every((a) => a === 'AccountLockedError')).toBe(true);
    // Someone else, at another address, signs in as usual.
    expect((await signInFrom('127.0.0.12', OAK.deputy, TEST_PASSWORD)).__typename).toBe('LoginSuccess');
  });

  it('five wrong passwords from one address do not lock the account holder out at their own address', async () => {
    for (let i = 0; i < 5; i++) await signInFrom('127.0.0.21', OAK.head, `wrong ${i}`);
    expect((await signInFrom('127.0.0.21', OAK.head, TEST_PASSWORD)).__typename).toBe('AccountLockedError');
    expect((await signInFrom('127.0.0.22', OAK.head, TEST_PASSWORD)).__typename).toBe('LoginSuccess');
  });

  it('pauses grow with each failure after the limit, and a pause ends on its own', async () => {
    const email = OAK.staff;
    await signInFrom('127.0.0.31', email, 'wrong 1');
    await signInFrom('127.0.0.31', email, 'wrong 2');
    const first = await signInFrom('127.0.0.31', email, 'wrong 3');
    expect(first.__typename).toBe('AccountLockedError');
    const firstPause = new Date(first.retryAfter!).getTime() - Date.now();
    await sleepUntil(first.retryAfter!);
    const second = await signInFrom('127.0.0.31', email, 'wrong 4');
    expect(second.__typename).toBe('AccountLockedError');
    const secondPause = new Date(second.retryAfter!).getTime() - Date.now();
    expect(secondPause).toBeGreaterThan(firstPause);
    // While paused even the right password waits; after the pause it works.
    expect((await signInFrom('127.0.0.31', email, TEST_PASSWORD)).__typename).toBe('AccountLockedError');
    await sleepUntil(second.retryAfter!);
    expect((await signInFrom('127.0.0.31', email, TEST_PASSWORD)).__typename).toBe('LoginSuccess');
    // The holder heard of the first pause once, not at every doubling.
    const staff = await app.db.user.findUniqueOrThrow({ where: { email } });
    expect(await app.db.notificationEvent.count({ where: { kind: 'ACCOUNT_LOCKED', subjectId: staff.id } })).toBe(1);
  });

  it('stores no email address or network address in the throttle', async () => {
    const rows = await app.sql<{ key: string }>('SELECT key FROM sign_in_limit');
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const { key } of rows.rows) {
      expect(key).not.toMatch(/@|127\.0\.0/);
    }
  });
});
