// A GraphQL subscription over server-sent events, as a browser's EventSource-style client would
// hold it: one POST with `Accept: text/event-stream`, events parsed as they arrive.
import type { GraphQLClient } from './graphql.ts';

export interface Subscription<T> {
  /** The `data` of every `next` event so far. */
  readonly received: T[];
  /** Errors the stream carried instead of data. */
  readonly errors: unknown[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  /** Resolves once `count` events have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): void;
}

/** Resolves once the server has answered the subscription (it is listening from then on). */
export async function subscribe<T = any>(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Subscription<T>> {
  const abort = new AbortController();
  const response = await fetch(`${client.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...client.authHeaders() },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`subscription refused: ${response.status} ${await response.text()}`);
  const received: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'next' && data) {
            const payload = JSON.parse(data) as { data?: T; errors?: unknown[] };
            if (payload.data) received.push(payload.data);
            if (payload.errors) errors.push(...payload.errors);
            for (const wake of waiters) wake();
          }
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      for (const wake of waiters) wake();
    }
  })();
  let done = false;
  void ended.finally(() => (done = true));
  return {
    received,
    errors,
    ended,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (done) throw new Error(`the stream ended after ${received.length} of ${count} events`);
        if (Date.now() > deadline) throw new Error(`only ${received.length} of ${count} events within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 200);
        });
      }
      return received;
    },
    close: () => abort.abort(),
  };
}
