// A real OpenID provider (oidc-provider) on a free loopback port, standing in for a police force's
// or an NHS trust's identity provider. Its people are the accounts added here; it signs them in
// on its own (development) login page, where any password is accepted, and asks their consent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds (or replaces) an account at the provider, by its subject. */
  addAccount(subject: string, account: ProviderAccount): void;
  close(): Promise<void>;
}

/** Starts a provider whose one client is Wraparound at `appOrigin`. */
export async function startIdentityProvider(appOrigin: string, clientId = 'wraparound', clientSecret = 'a-long-test-client-secret-0123456789'): Promise<IdentityProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${appOrigin}/auth/sso/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    // Lifetimes given, so the provider does not warn about its defaults on every sign-in.
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (subject, account) => void accounts.set(subject, account),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
