// What makes an organisation's single sign-on configuration valid. The identity provider is named
// by its OpenID Connect issuer: an https address (plain http only on this machine's loopback,
// for trying it out and for the tests), with no query or fragment, as the provider's discovery
// document (`/.well-known/openid-configuration`) is found under it.
import { z } from 'zod';

/** Loopback hosts, where http is allowed: nothing leaves the machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

/** The problem with an issuer address, if any. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Enter the issuer as a full address, like https://login.example.police.uk';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    return 'The issuer must be an https address, like https://login.example.police.uk';
  }
  if (url.search || url.hash || url.username || url.password) return 'The issuer has no query, fragment or user name';
  return null;
}

/** An email domain as stored: trimmed, lower case, no leading @. */
export const normaliseDomain = (domain: string) => domain.trim().toLowerCase().replace(/^@/, '');

// Labels of letters, digits and hyphens, at least two of them (nhs.net, police.uk).
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const MAX_DOMAINS = 20;

export const ConfigurationRules = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, 'Enter the issuer address of your identity provider')
    .max(500, 'The issuer must be 500 characters or fewer')
    .superRefine((issuer, check) => {
      const problem = issuerProblem(issuer);
      if (problem) check.addIssue({ code: 'custom', message: problem });
    })
    // The issuer is compared exactly with the one in the provider's tokens: no trailing slash.
    .transform((issuer) => issuer.replace(/\/+$/, '')),
  clientId: z.string().trim().min(1, 'Enter the client id the identity provider gave Wraparound').max(200, 'The client id must be 200 characters or fewer'),
  clientSecret: z
    .string()
    .trim()
    .min(1, 'Enter the client secret the identity provider gave Wraparound')
    .max(500, 'The client secret must be 500 characters or fewer')
    .nullish(),
  emailDomains: z
    .array(
      z
        .string()
        .max(253, 'An email domain must be 253 characters or fewer')
        .transform(normaliseDomain)
        .pipe(z.string().regex(DOMAIN, 'Enter an email domain like northmoor.police.uk')),
    )
    .max(MAX_DOMAINS, `Enter at most ${MAX_DOMAINS} email domains`)
    .transform((domains) => [...new Set(domains)]),
  passwordsDisabled: z.boolean(),
});
