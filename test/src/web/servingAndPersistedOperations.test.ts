// The web app on the API's origin: built files, index.html for the app's own routes, a CSP; and in
// production only the operations the web app ships (persisted by hash) run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@wraparound/server';
import { OAK } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { launchBrowser, newPage, signIn } from '../support/browser.ts';

const manifest = JSON.parse(readFileSync(path.join(loadConfig({}).webDist, 'persisted-operations.json'), 'utf8')) as Record<string, string>;
const hashOf = (operationStart: string) => Object.entries(manifest).find(([, text]) => text.startsWith(operationStart))![0];

async function post(app: TestApp, body: object) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wraparound-csrf': '1' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
}

const LOGIN_VARIABLES = { input: { email: OAK.dsl, password: TEST_PASSWORD, sessionMode: 'BEARER_TOKEN' } };

describe('serving the web app', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('answers the app’s routes with index.html, under a strict CSP, and a missing file with 404', async () => {
    for (const route of ['/', '/children/Q2hpbGQ6MQ==', '/sign-in']) {
      const response = await fetch(`${app.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/..%2F..%2Fpackage.json`)).status).not.toBe(200);
  });

  it('outside production runs both documents and the app’s persisted operations', async () => {
    const byHash = await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('mutation SignIn') } }, variables: LOGIN_VARIABLES });
    expect(byHash.data?.login.__typename).toBe('LoginSuccess');
    const byDocument = await post(app, { query: 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', variables: LOGIN_VARIABLES });
    expect(byDocument.data?.login.__typename).toBe('LoginSuccess');
  });
});

describe('in production', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ production: true, persistedOperationsOnly: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses any document the web app does not ship, and unknown hashes', async () => {
    const arbitrary = await post(app, { query: 'mutation($input: LoginInput!) { login(input: $input) { __typename } }', variables: LOGIN_VARIABLES });
    expect(arbitrary.data).toBeUndefined();
    expect(arbitrary.errors?.[0]?.message).toMatch(/PersistedQueryOnly/);
    const unknown = await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(unknown.errors?.[0]?.message).toMatch(/PersistedQueryNotFound/);
    const known = await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('mutation SignIn') } }, variables: LOGIN_VARIABLES });
    expect(known.data?.login.__typename).toBe('LoginSuccess');
  });

  it('runs the web app, whose every operation is in the manifest', async () => {
    const page = await newPage(browser, app.url);
    await signIn(page, OAK.dsl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('What needs you now');
    await page.getByRole('link', { name: 'Find a child' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a child');
    expect(app.serverErrors).toEqual([]);
    await page.context().close();
  });
});
