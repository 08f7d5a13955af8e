// A page on another site can make a signed-in person's browser send requests with their session
// cookie, without asking first (no CORS preflight), as long as they are "simple": a GET, or a POST
// of text, a form or a multipart form. Every one of those is refused unless it carries the CSRF
// header, which such a page cannot add; and the refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@wraparound/server';
import { startTestApp, type TestApp } from '../support/app.ts';
import { LOGIN } from '../support/personas.ts';
import { TEST_PASSWORD } from '../support/constants.ts';
import { OAK } from '../access/fixtures.ts';

const LOGOUT = JSON.stringify({ query: 'mutation { logout }' });

let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await startTestApp();
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email: OAK.dsl, password: TEST_PASSWORD, sessionMode: 'COOKIE' } } }),
  });
  cookie = response.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(() => app?.close());

/** Whether the cookie session still works: a refused logout must not have ended it. */
async function stillSignedIn() {
  const me = await app.anonymous.withCookie(cookie).request('{ me { email } }');
  return me.data?.me?.email;
}

const form = () => {
  const body = new FormData();
  body.set('operations', LOGOUT);
  body.set('map', '{}');
  return body;
};

const crossSite: [string, () => RequestInit][] = [
  ['a POST of text/plain', () => ({ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: LOGOUT })],
  ['a POST of a URL-encoded form', () => ({ method: 'POST', body: new URLSearchParams({ query: 'mutation { logout }' }) })],
  ['a POST of a multipart form', () => ({ method: 'POST', body: form() })],
  ['a POST with no content type', () => ({ method: 'POST', body: new Blob([LOGOUT]) })],
];

describe('a request another site could make with the session cookie', () => {
  it.each(crossSite)('is refused: %s', async (_name, init) => {
    const request = init();
    const response = await fetch(`${app.url}/graphql`, { ...request, headers: { ...(request.headers as object), cookie } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('CSRF');
    expect(await stillSignedIn()).toBe(OAK.dsl);
  });

  it('is refused: a GET', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('CSRF');
  });

  it('is answered with the header (which another site cannot add) or as JSON (which needs a preflight)', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { cookie, [CSRF_HEADER]: '1', accept: 'application/json' },
    });
    expect(await get.json()).toEqual({ data: { me: { email: OAK.dsl } } });
    // The web app's own logout, as JSON: it does end the session, so the refusals above were real.
    const logout = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: LOGOUT });
    expect(await logout.json()).toEqual({ data: { logout: true } });
    expect(await stillSignedIn()).toBeUndefined();
  });
});
