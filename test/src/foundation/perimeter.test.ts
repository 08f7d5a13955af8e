// The perimeter an outside test probed (issue 16): which origins may call the API from a browser,
// how big a request may be, what a request may cost, which headers every answer carries, and what
// production serves. Each case is the outside test's reproduction.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@wraparound/server';
import { OAK } from '../access/fixtures.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signIn } from '../support/personas.ts';

const CSRF = { 'x-wraparound-csrf': '1' };

async function preflight(app: TestApp, origin: string) {
  return fetch(`${app.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-wraparound-csrf' },
  });
}

async function postRaw(app: TestApp, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF, ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

// One server with default settings for most cases, and a designated safeguarding lead on it.
let app: TestApp;
let dsl: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  app = await startTestApp();
  dsl = await signIn(app, OAK.dsl);
});
afterAll(() => app?.close());

describe('cross-origin requests (CORS)', () => {
  let allowing: TestApp;
  beforeAll(async () => {
    allowing = await startTestApp({ env: { CORS_ALLOWED_ORIGINS: 'https://partner.example, https://other.example' } });
  });
  afterAll(() => allowing?.close());

  it('trusts no other origin by default: a preflight from https://evil.example gets no CORS grant', async () => {
    const response = await preflight(app, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await postRaw(app, JSON.stringify({ query: '{ __typename }' }), { origin: 'https://evil.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants exactly the origins on the allow-list, and no others', async () => {
    const allowed = await preflight(allowing, 'https://partner.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await preflight(allowing, 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a setting that is not a list of origins, naming it', () => {
    expect(() => loadConfig({ CORS_ALLOWED_ORIGINS: 'partner.example' })).toThrow(/CORS_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ CORS_ALLOWED_ORIGINS: '*' })).toThrow(/CORS_ALLOWED_ORIGINS/);
  });
});

describe('the size and cost of a request', () => {

  it('refuses a 20 MB body with 413 before reading it, and says what the limit is', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(20 * 1024 * 1024) } });
    const response = await postRaw(app, body);
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/larger than .* allowed/);
  });

  it('does not echo the JSON parser’s error for a malformed body', async () => {
    const response = await postRaw(app, '{"query": "{ __typename }", ');
    expect(JSON.parse(response.text).errors[0].message).toBe('POST body sent invalid JSON.');
    expect(response.text).not.toContain('originalError');
    expect(response.text).not.toMatch(/Unexpected end|JSON at position|SyntaxError/);
  });

  it('counts `first` passed as a variable in the cost: 20 aliases of concerns(first: $n) with n = 100 are refused, as the literal query is', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `c${i}: concerns(first: $n) { edges { node { id narrative } } }`).join('\n');
    const withVariable = await dsl.request(`query($n: Int) { ${aliases} }`, { n: 100 });
    expect(withVariable.errors?.[0]?.message, withVariable.raw).toMatch(/too costly|cost/i);
    expect(withVariable.data ?? null).toBeNull();
    const literal = await dsl.request(`query { ${aliases.replaceAll('$n', '100')} }`);
    expect(literal.errors?.[0]?.message).toMatch(/too costly|cost/i);
    // The same shape with a small page is an ordinary request.
    const small = await dsl.request(`query($n: Int) { c0: concerns(first: $n) { edges { node { id } } } }`, { n: 5 });
    expect(small.errors).toBeUndefined();
  });

  it('counts directives behind repeated fragment spreads: 430 @include through fragments are refused', async () => {
    const directives = Array.from({ length: 43 }, () => '__typename @include(if: true)').join(' ');
    const spreads = Array.from({ length: 10 }, () => '...F').join(' ');
    const response = await dsl.request(`query { me { ${spreads} } } fragment F on User { ${directives} }`);
    expect(response.errors?.[0]?.message, response.raw).toMatch(/directives/i);
  });

  it('counts aliases of __typename, with or without a session: 1,300 are refused', async () => {
    const aliases = Array.from({ length: 1300 }, (_, i) => `a${i}: __typename`).join(' ');
    const anonymous = await app.anonymous.request(`query { ${aliases} }`);
    expect(anonymous.errors?.[0]?.message, anonymous.raw.slice(0, 300)).toMatch(/aliases/i);
    expect(anonymous.data ?? null).toBeNull();
  });
});

describe('requests per session', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { SESSION_REQUESTS_PER_MINUTE: '5' } });
  });
  afterAll(() => limited?.close());

  it('tells a session over its limit to wait (429, Retry-After), and leaves other sessions alone', async () => {
    const busy = await signIn(limited, OAK.dsl);
    for (let i = 0; i < 5; i++) expect((await busy.request('query { me { email } }')).data?.me.email).toBe(OAK.dsl);
    const refused = await busy.request('query { me { email } }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.errors?.[0]?.message).toMatch(/Too many requests from this session\. Try again in \d+ seconds/);
    const other = await signIn(limited, OAK.deputy);
    expect((await other.request('query { me { email } }')).data?.me.email).toBe(OAK.deputy);
  });
});

describe('text input', () => {

  const SEARCH = /* GraphQL */ `
    query($input: ChildSearchInput!) {
      childSearch(input: $input) {
        __typename
        ... on ValidationError { fieldErrors { path message } }
      }
    }
  `;

  it('refuses a 1 MB family name in a child search at once, as a field error on that field', async () => {
    const started = Date.now();
    const response = await dsl.request(SEARCH, { input: { familyName: 'a'.repeat(1024 * 1024) } });
    // Refused by the size limit (1 MB of text is over it) or by the field's own limit.
    if (response.status === 413) return;
    expect(response.data?.childSearch.__typename, response.raw.slice(0, 300)).toBe('ValidationError');
    expect(response.data.childSearch.fieldErrors).toContainEqual({ path: ['input', 'familyName'], message: expect.stringMatching(/characters or fewer/) });
    expect(Date.now() - started).toBeLessThan(30_000); // not a timing assertion: only that it did not hold a connection for 40 s
  });

  it('refuses a 100 KB family name as a field error, and a 101-letter one by the search’s own limit', async () => {
    const huge = await dsl.request(SEARCH, { input: { familyName: 'a'.repeat(100 * 1024) } });
    expect(huge.data?.childSearch.fieldErrors, huge.raw.slice(0, 300)).toContainEqual({
      path: ['input', 'familyName'],
      message: expect.stringMatching(/characters or fewer/),
    });
    const long = await dsl.request(SEARCH, { input: { familyName: 'a'.repeat(101) } });
    expect(long.data?.childSearch.fieldErrors, long.raw.slice(0, 300)).toEqual([{ path: ['input', 'familyName'], message: 'The family name must be 100 characters or fewer' }]);
  });

  it('refuses a NUL byte in a text field with a field error, and records nothing', async () => {
    const children = await app.sql<{ id: string }>('SELECT id FROM child ORDER BY id LIMIT 1');
    const before = await app.sql('SELECT count(*)::int AS n FROM concern');
    const response = await dsl.request(
      /* GraphQL */ `
        mutation($input: ConcernRaiseInput!) {
          concernRaise(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } }
        }
      `,
      { input: { childId: Buffer.from(`Child:${children.rows[0]!.id}`).toString('base64'), summary: 'Bruise\u0000 on arm', categories: ['PHYSICAL_ABUSE'], narrative: 'Seen at lunch.', occurredAt: new Date().toISOString(), riskLevel: 'LOW', dslInformed: true } },
    );
    expect(response.errors ?? [], response.raw.slice(0, 400)).toEqual([]);
    expect(response.data?.concernRaise.__typename).toBe('ValidationError');
    expect(response.data.concernRaise.fieldErrors).toContainEqual({ path: ['input', 'summary'], message: expect.stringMatching(/control character/) });
    expect((await app.sql('SELECT count(*)::int AS n FROM concern')).rows[0]).toEqual(before.rows[0]);
  });

  it('refuses a NUL byte in a search with a field error, not "Unexpected error."', async () => {
    const response = await dsl.request(SEARCH, { input: { familyName: 'Smi\u0000th' } });
    expect(response.data?.childSearch.fieldErrors, response.raw.slice(0, 300)).toContainEqual({
      path: ['input', 'familyName'],
      message: expect.stringMatching(/control character/),
    });
  });
});

describe('the access logs, asked for by someone who may not read them', () => {
  it('answer an empty list, not "Unexpected error."', async () => {
    const user = await app.sql<{ id: string }>(`SELECT id FROM "user" ORDER BY id LIMIT 1`);
    const child = await app.sql<{ id: string }>('SELECT id FROM child ORDER BY id LIMIT 1');
    const response = await dsl.request(
      'query($u: ID!, $c: ID!) { userAccessLog(userId: $u) { edges { node { action } } } childAccessLog(childId: $c) { edges { node { action } } } }',
      { u: Buffer.from(`User:${user.rows[0]!.id}`).toString('base64'), c: Buffer.from(`Child:${child.rows[0]!.id}`).toString('base64') },
    );
    expect(response.errors, response.raw).toBeUndefined();
    expect(response.data).toEqual({ userAccessLog: { edges: [] }, childAccessLog: { edges: [] } });
  });
});

describe('headers on every answer', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ production: true });
  });
  afterAll(() => production?.close());

  it('API answers carry nosniff and no-store; production answers carry HSTS', async () => {
    const response = await postRaw(production, JSON.stringify({ query: '{ __typename }' }));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const page = await fetch(`${production.url}/`);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('production serves neither source maps nor the list of operations', async () => {
    const dist = loadConfig({}).webDist;
    const map = readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.map'));
    if (map) expect((await fetch(`${production.url}/assets/${map}`)).status).toBe(404);
    expect((await fetch(`${production.url}/persisted-operations.json`)).status).toBe(404);
    // The app itself is still served.
    const script = readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.js'))!;
    const served = await fetch(`${production.url}/assets/${script}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('sourcemap') ?? '').toBe('');
    expect(await served.text()).not.toMatch(/sourceMappingURL=/);
  });
});

describe('API clients in production', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ production: true, persistedOperationsOnly: true });
  });
  afterAll(() => production?.close());

  it('can sign in for a bearer token with the published API sign-in operation, then run their own documents', async () => {
    const { apiClientOperations } = await import('@wraparound/server');
    const signInHash = [...apiClientOperations().entries()].find(([, text]) => text.includes('mutation ApiSignIn'))?.[0];
    expect(signInHash).toBeDefined();
    const login = await postRaw(
      production,
      JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: signInHash } },
        variables: { email: OAK.dsl, password: (await import('../support/constants.ts')).TEST_PASSWORD },
      }),
    );
    const token = JSON.parse(login.text).data?.login?.token as string | undefined;
    expect(token, login.text).toMatch(/.{20,}/);
    const me = await production.anonymous.withToken(token!).request('query { me { email } }');
    expect(me.data?.me.email).toBe(OAK.dsl);
    // Without a valid token, a document is still refused in production.
    const anonymous = await production.anonymous.request('query { __typename }');
    expect(anonymous.errors?.[0]?.message).toMatch(/persisted/i);
    const forged = await production.anonymous.withToken('not-a-session').request('query { __typename }');
    expect(forged.errors?.[0]?.message).toMatch(/persisted/i);
  });
});
