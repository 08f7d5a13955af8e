// Live notifications across server processes: one PostgreSQL connection per process LISTENs on the
// channel that the notification table's trigger NOTIFYs (recipient id and notification id, nothing
// else) when an in-app notification is committed, and hands each id to that recipient's
// subscribers in this process. Whichever process wrote the notification, every process hears it.
// The same connection hears when an email is queued, to wake the delivery worker.
//
// If the listening connection drops, it reconnects; what was notified while it was down is not
// pushed, but nothing is lost: the notifications are in the feed (a client refreshes its feed when
// its stream reconnects) and the outbox's timed round sends the emails.
import { Repeater } from 'graphql-yoga';
import pg from 'pg';
import type { LiveNotifications } from '@wraparound/schema';

export const NOTIFICATION_CHANNEL = 'wraparound_notification';
/** Emails queued (see the outbox_wake migration): the delivery worker's cue to run now. */
export const OUTBOX_CHANNEL = 'wraparound_outbox';
const RECONNECT_MS = 1_000;

export interface LiveNotificationHub extends LiveNotifications {
  /** Calls `wake` whenever an email is queued, in any process; starts listening at once. */
  onEmailQueued(wake: () => void): Promise<void>;
  close(): Promise<void>;
}

export function createLiveNotifications(databaseUrl: string, log: (line: string) => void): LiveNotificationHub {
  const listeners = new Map<string, Set<(id: string) => void>>();
  const outboxWakers = new Set<() => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  function deliver(payload: string | undefined) {
    const [userId, id] = (payload ?? '').split(':');
    if (!userId || !id) return;
    for (const listener of listeners.get(userId) ?? []) listener(id);
  }

  function listen(): Promise<void> {
    if (closed) return Promise.reject(new Error('live notifications are closed'));
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: databaseUrl, application_name: 'wraparound-live' });
      next.on('notification', (message) => {
        if (message.channel === OUTBOX_CHANNEL) for (const wake of outboxWakers) wake();
        else deliver(message.payload);
      });
      next.on('error', (error) => {
        log(`live notifications: connection lost (${error.message}); reconnecting`);
        if (client === next) {
          client = null;
          connecting = null;
        }
        void next.end().catch(() => {});
        if (!closed && (listeners.size > 0 || outboxWakers.size > 0)) setTimeout(() => void listen().catch(() => {}), RECONNECT_MS);
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${NOTIFICATION_CHANNEL}; LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        connecting = null;
        void next.end().catch(() => {});
        throw error;
      }
      client = next;
    })();
    return connecting;
  }

  return {
    async subscribe(userId) {
      // Registered before we wait for LISTEN, and LISTEN is live before this resolves: whatever is
      // committed after the subscription is answered is heard.
      const queue: string[] = [];
      let wake: (() => void) | null = null;
      const listener = (id: string) => {
        queue.push(id);
        wake?.();
      };
      const forUser = listeners.get(userId) ?? new Set();
      forUser.add(listener);
      listeners.set(userId, forUser);
      const unsubscribe = () => {
        forUser.delete(listener);
        if (forUser.size === 0 && listeners.get(userId) === forUser) listeners.delete(userId);
      };
      try {
        await listen();
      } catch (error) {
        unsubscribe();
        throw error;
      }
      return new Repeater<string>(async (push, stop) => {
        let stopped = false;
        void stop.then(() => {
          stopped = true;
          wake?.();
        });
        try {
          while (!stopped) {
            while (queue.length > 0 && !stopped) await push(queue.shift()!);
            if (stopped) break;
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
          }
        } finally {
          unsubscribe();
        }
      });
    },
    async onEmailQueued(wake) {
      outboxWakers.add(wake);
      await listen();
    },
    async close() {
      closed = true;
      listeners.clear();
      outboxWakers.clear();
      const current = client;
      client = null;
      connecting = null;
      await current?.end().catch(() => {});
    },
  };
}
