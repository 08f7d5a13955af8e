// One fetch per query per visit. With requestPolicy 'network-only', @urql/core 6 dispatches a query
// each time a subscriber starts on it unless its key is in the client's set of dispatched operations,
// and it drops the key from that set on any result, including the old answer it re-emits as stale
// when the query is dispatched again. useQuery starts a subscriber while rendering (to read a result
// synchronously, then unsubscribes) and another in its effect. A screen opened from one running the
// same query (same document, same variables) renders while the old screen still holds the query:
// the render's start dispatches a fetch and the old answer re-emitted as stale clears the key; the
// old screen then closes, its teardown aborts that fetch (after the server has read, and audited,
// it) and the effect's start sends it again. The same visit fetched, and logged, a read up to three
// times (once per render and once in the effect).
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
