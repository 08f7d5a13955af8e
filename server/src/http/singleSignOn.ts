// Single sign-on with an organisation's own identity provider (OpenID Connect, authorization code
// flow with PKCE, state and nonce), by openid-client:
//   GET /auth/sso/start?organisation=<id> or ?email=<address>  sends the browser to the provider;
//   GET /auth/sso/callback                                       where the provider sends it back.
// Who the person is in Wraparound, and whether they may sign in, is decided in
// schema/src/auth/singleSignOn/. A provider's second factor is its own: no TOTP is asked here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oidc from 'openid-client';
import {
  ATTEMPT_MINUTES, beginAttempt, findProvider, isLoopback, refuseSingleSignOn, signInWithProvider, takeAttempt,
  type ProviderClaims, type RefusalReason,
} from '@wraparound/schema';
import type { OrganisationSingleSignOn } from '@wraparound/prisma';
import type { AppDeps } from './app.ts';
import { readCookie, serialiseSessionCookie } from './cookies.ts';
import { sendProblemPage, type ProblemPage } from './singleSignOnPage.ts';

export const START_PATH = '/auth/sso/start';
export const CALLBACK_PATH = '/auth/sso/callback';

/** The browser's hold on its attempt: only for these two routes, only for the attempt's minutes. */
const ATTEMPT_COOKIE = 'wa_sso';

function attemptCookie(secure: boolean, token: string | null): string {
  const parts = [`${secure ? '__Secure-' : ''}${ATTEMPT_COOKIE}=${token ?? ''}`, 'Path=/auth/sso', 'HttpOnly', 'SameSite=Lax'];
  if (secure) parts.push('Secure');
  parts.push(`Max-Age=${token ? ATTEMPT_MINUTES * 60 : 0}`);
  return parts.join('; ');
}

/** At most this many sign-ins may be waiting for their providers at once (each is a row). */
const MAX_WAITING_ATTEMPTS = 10_000;

/** Discovered provider metadata, kept a few minutes per configuration. */
const DISCOVERY_MS = 10 * 60_000;

const PAGES = {
  noProvider: {
    status: 404, heading: 'Your organisation does not sign in to Wraparound with its own account',
    paragraphs: ['Sign in with your email address and password instead, or ask your Wraparound administrator.'],
  },
  busy: { status: 503, heading: 'Sign-in is busy', paragraphs: ['Try again in a few minutes.'] },
  unreachable: {
    status: 502, heading: 'Your organisation’s sign-in service could not be reached',
    paragraphs: ['Try again in a few minutes. If it keeps happening, tell your organisation’s IT service desk.'],
  },
} satisfies Record<string, ProblemPage>;

const NOT_REGISTERED: ProblemPage = {
  status: 403, heading: 'Your organisation’s account is not registered in Wraparound',
  paragraphs: ['Ask your Wraparound administrator to add you, with the email address your organisation gave you. Wraparound does not create accounts when people sign in.'],
};

const REFUSALS: Record<RefusalReason, ProblemPage> = {
  NOT_REGISTERED,
  // Said the same way: the page does not tell which organisation an address belongs to.
  WRONG_ORGANISATION: NOT_REGISTERED,
  EMAIL_NOT_VERIFIED: {
    status: 403, heading: 'Your organisation’s account could not be matched to Wraparound',
    paragraphs: ['Your organisation’s sign-in service did not confirm your email address, so Wraparound cannot tell who you are. Ask your Wraparound administrator.'],
  },
  DEACTIVATED: {
    status: 403, heading: 'Your Wraparound account is not active',
    paragraphs: ['Ask your Wraparound administrator if you still need to use Wraparound.'],
  },
  LINKED_ELSEWHERE: {
    status: 403, heading: 'Your Wraparound account belongs to another account at your organisation',
    paragraphs: ['Your Wraparound account was first used with a different account at your organisation’s sign-in service. Ask your Wraparound administrator to unlink it.'],
  },
  NOT_COMPLETED: {
    status: 400, heading: 'Sign-in was not completed',
    paragraphs: ['It may have taken too long, or been started in another browser. Start again from the sign-in page.'],
  },
};

export function createSingleSignOnHandler(deps: AppDeps) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

  /** The provider's metadata and our client there; discovery is fetched again after a while. */
  function providerConfiguration(provider: OrganisationSingleSignOn): Promise<oidc.Configuration> {
    const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret]);
    const cached = discovered.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_MS) return cached.configuration;
    const issuer = new URL(provider.issuer);
    // Plain http only on loopback (the configuration refuses it anywhere else).
    const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
    // client_secret_basic: OpenID Connect's default for a client with a secret.
    const configuration = oidc.discovery(issuer, provider.clientId, undefined, oidc.ClientSecretBasic(provider.clientSecret), { execute, timeout: 10 });
    configuration.catch(() => discovered.delete(key));
    discovered.set(key, { at: Date.now(), configuration });
    return configuration;
  }

  const callbackUrl = () => new URL(CALLBACK_PATH, config.publicUrl);
  const auditContext = (req: IncomingMessage) => ({
    viewer: null,
    now,
    request: { ipAddress: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null },
  });

  async function start(req: IncomingMessage, res: ServerResponse, url: URL) {
    const email = url.searchParams.get('email');
    const provider = await findProvider(db, { organisation: url.searchParams.get('organisation'), email });
    if (!provider) return sendProblemPage(res, config.webDist, PAGES.noProvider);
    if ((await db.singleSignOnAttempt.count({ where: { expiresAt: { gt: now() } } })) >= MAX_WAITING_ATTEMPTS) {
      return sendProblemPage(res, config.webDist, PAGES.busy);
    }
    let configuration: oidc.Configuration;
    try {
      configuration = await providerConfiguration(provider);
    } catch (error) {
      log(`[sso] discovery failed for ${provider.issuer}: ${error instanceof Error ? error.message : String(error)}`);
      return sendProblemPage(res, config.webDist, PAGES.unreachable);
    }
    const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const token = await beginAttempt(db, provider.organisationId, checks, now());
    const authorisation = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: callbackUrl().href,
      scope: 'openid email',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      ...(email && email.length <= 320 ? { login_hint: email.trim() } : {}),
    });
    res.writeHead(303, { location: authorisation.href, 'set-cookie': attemptCookie(config.secureCookies, token), 'cache-control': 'no-store' }).end();
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL) {
    const clear = { 'set-cookie': attemptCookie(config.secureCookies, null) };
    const cookieName = `${config.secureCookies ? '__Secure-' : ''}${ATTEMPT_COOKIE}`;
    const attempt = await takeAttempt(db, readCookie(req.headers.cookie ?? null, cookieName), now());
    const refuse = async (provider: OrganisationSingleSignOn | null, reason: RefusalReason) => {
      await refuseSingleSignOn(db, auditContext(req), provider, reason);
      sendProblemPage(res, config.webDist, REFUSALS[reason], clear);
    };
    if (!attempt) return refuse(null, 'NOT_COMPLETED');
    const { provider } = attempt;

    let claims: ProviderClaims;
    try {
      const configuration = await providerConfiguration(provider);
      // The provider's answer, checked against this browser's attempt: state (no one else's
      // answer), PKCE (no stolen code), nonce (no replayed ID token), and the ID token's signature.
      const currentUrl = new URL(`${CALLBACK_PATH}${url.search}`, config.publicUrl);
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        pkceCodeVerifier: attempt.codeVerifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims = { iss: idToken.iss, sub: idToken.sub, email: idToken.email, email_verified: idToken.email_verified };
      // Many providers put the email address only in their user info.
      if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (error) {
      log(`[sso] sign-in with ${provider.issuer} not completed: ${error instanceof Error ? error.message : String(error)}`);
      return refuse(provider, 'NOT_COMPLETED');
    }

    const outcome = await signInWithProvider(db, auditContext(req), config.auth, provider, claims);
    if (!outcome.signedIn) return sendProblemPage(res, config.webDist, REFUSALS[outcome.reason], clear);
    res.writeHead(303, {
      location: '/',
      'set-cookie': [clear['set-cookie'], serialiseSessionCookie(config.secureCookies, outcome.token, outcome.expiresAt)],
      'cache-control': 'no-store',
    }).end();
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://wraparound.invalid');
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    const route = url.pathname === START_PATH ? start : url.pathname === CALLBACK_PATH ? callback : null;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    route(req, res, url).catch((error: unknown) => {
      log(`[sso] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Unexpected error.');
    });
  };
}
