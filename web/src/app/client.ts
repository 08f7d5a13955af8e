// The one GraphQL client. Every operation goes as a persisted operation (its sha256 hash, no
// document): in production the server runs only the operations this build ships
// (scripts/persistedManifest.ts writes their hashes into dist/persisted-operations.json).
import { persistedExchange } from '@urql/exchange-persisted';
import { Client, fetchExchange, mapExchange, type CombinedError } from 'urql';
import { inFlightExchange } from './inFlightExchange.ts';

/** Set by the API on every refusal for want of a session (none, or one that has ended). */
export function signedOutMessage(error: CombinedError | undefined): string | null {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return refusal ? refusal.message : null;
}

/** Set only when there was a session and it ran out (not on a first visit). */
export function sessionEndedMessage(error: CombinedError | undefined): string | null {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.reason === 'EXPIRED');
  return refusal ? refusal.message : null;
}

export function createClient(onSignedOut: (message: string) => void) {
  return new Client({
    url: '/graphql',
    // No client cache: safeguarding records change under people's feet and must not be shown stale.
    requestPolicy: 'network-only',
    preferGetMethod: false,
    // Subscriptions go over the same fetch as GraphQL over SSE (graphql-yoga's distinct-connections
    // mode: POST with Accept: text/event-stream), so they carry the cookie and the CSRF header.
    fetchSubscriptions: true,
    fetchOptions: { credentials: 'same-origin', headers: { 'x-wraparound-csrf': '1' } },
    exchanges: [
      mapExchange({
        onResult(result) {
          const message = signedOutMessage(result.error);
          if (message) onSignedOut(message);
          return result;
        },
      }),
      persistedExchange({ enforcePersistedQueries: true, enableForMutation: true, enableForSubscriptions: true, preferGetForPersistedQueries: false }),
      // Without it a query already on its way is sent again (and audited again) for the same visit.
      inFlightExchange,
      fetchExchange,
    ],
  });
}
