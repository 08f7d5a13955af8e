// One fetch per query per visit. With no cache and requestPolicy 'network-only', @urql/core 6 puts a
// query on the wire each time a subscriber starts on it, and forgets it is already on its way as soon
// as the old result is marked stale. useQuery subscribes twice per mount (once while rendering, to read
// a result synchronously, once in its effect), and a screen opened from one running the same query
// (same document, same variables) starts while the old screen's subscription is closing: its teardown
// aborts the fetch in flight (after the server has read, and audited, it) and the next start sends it
// again. The same visit thus fetched, and logged, a read up to three times.
//
// This exchange sends a query only when the same query is not already on its way: a repeat waits for
// that fetch's answer (the client hands it to every subscriber of the query). A teardown of a query in
// flight is held back for a moment so that a subscriber starting straight after takes the fetch over
// instead of sending it again. Once an answer has come, the next start fetches afresh: a new visit
// never sees an old answer.
import type { Exchange, Operation } from '@urql/core';
import { filter, makeSubject, merge, onPush, pipe } from 'wonka';

/** How long a closing subscriber's fetch stays open for a new subscriber to the same query. */
const HANDOVER_MS = 500;

export const inFlightExchange: Exchange = ({ forward }) => (operations$) => {
  // Queries on the wire, by key, with the timer of a teardown held back (null when none).
  const inFlight = new Map<number, ReturnType<typeof setTimeout> | null>();
  const late = makeSubject<Operation>();

  const sent$ = pipe(
    operations$,
    filter((operation) => {
      if (operation.kind === 'query') {
        if (!inFlight.has(operation.key)) {
          inFlight.set(operation.key, null);
          return true;
        }
        const closing = inFlight.get(operation.key);
        if (closing) clearTimeout(closing);
        inFlight.set(operation.key, null);
        return false;
      }
      if (operation.kind === 'teardown' && inFlight.has(operation.key)) {
        const closing = setTimeout(() => {
          if (inFlight.get(operation.key) !== closing) return;
          inFlight.delete(operation.key);
          late.next(operation);
        }, HANDOVER_MS);
        inFlight.set(operation.key, closing);
        return false;
      }
      return true;
    }),
  );

  return pipe(
    forward(merge([sent$, late.source])),
    onPush((result) => {
      if (result.operation.kind !== 'query' || result.hasNext) return;
      const closing = inFlight.get(result.operation.key);
      if (closing) clearTimeout(closing);
      inFlight.delete(result.operation.key);
    }),
  );
};
