// Live notifications across server processes: one PostgreSQL connection per process LISTENs on the
// channel that the notification table's trigger NOTIFYs (recipient id and notification id, nothing
// else) when an in-app notification is committed, and hands each id to that recipient's
// subscribers in this process. Whichever process wrote the notification, every process hears it.
// The same connection hears when an email is queued, to wake the delivery worker.
//
// If the listening connection drops (the database restarting, a network failure), it reconnects,
// backing off from a quarter of a second to five, for as long as the process lives and anyone is
// listening: open streams carry on where they were. What was notified while nobody listened is
// caught up on reconnecting: the in-app notifications written since the connection was lost are
// read (ids only, as NOTIFY gives them) and handed to their subscribers, each id once; and the
// outbox is woken to send what was queued meanwhile.
import { Repeater } from 'graphql-yoga';
import pg from 'pg';
import type { LiveNotifications } from '@wraparound/schema';

export const NOTIFICATION_CHANNEL = 'wraparound_notification';
/** Emails queued (see the outbox_wake migration): the delivery worker's cue to run now. */
export const OUTBOX_CHANNEL = 'wraparound_outbox';
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;
/** Read back this far before the loss on catching up: a notification's createdAt is its
 * transaction's start, which may precede the commit that announced it. */
const CATCH_UP_MARGIN_MS = 5_000;
/** Ids recently handed out, so one caught up and also announced is delivered once. */
const RECENT_IDS = 5_000;

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

  const recent = new Set<string>();
  let lostAt: Date | null = null;

  function deliver(payload: string | undefined) {
    const [userId, id] = (payload ?? '').split(':');
    if (userId && id) deliverTo(userId, id);
  }

  function deliverTo(userId: string, id: string) {
    if (recent.has(id)) return;
    recent.add(id);
    if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value!);
    for (const listener of listeners.get(userId) ?? []) listener(id);
  }

  /** What was announced while nobody listened, for whoever is subscribed now. */
  async function catchUp(connection: pg.Client, since: Date) {
    const users = [...listeners.keys()];
    if (users.length === 0) return;
    const { rows } = await connection.query<{ userId: string; id: string }>(
      `SELECT "recipientUserId"::text AS "userId", id::text AS id FROM notification
       WHERE channel = 'IN_APP' AND "createdAt" >= $1 AND "recipientUserId" = ANY($2::uuid[])
       ORDER BY "createdAt", id LIMIT 1000`,
      [new Date(since.getTime() - CATCH_UP_MARGIN_MS), users],
    );
    for (const row of rows) deliverTo(row.userId, row.id);
  }

  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  const wanted = () => !closed && (listeners.size > 0 || outboxWakers.size > 0);

  /** Tries again after a growing pause, until it listens or nobody wants it. */
  function reconnectLater() {
    if (retry || !wanted()) return;
    retry = setTimeout(() => {
      retry = null;
      if (!wanted()) return;
      listen().then(
        () => {
          log(`live notifications: listening again (after ${failures} failed attempt${failures === 1 ? '' : 's'})`);
          failures = 0;
          // Emails queued while nobody listened: their NOTIFY was missed.
          for (const wake of outboxWakers) wake();
        },
        () => {
          failures++;
          reconnectLater();
        },
      );
    }, Math.min(RECONNECT_FIRST_MS * 2 ** failures, RECONNECT_MAX_MS));
  }

  function listen(): Promise<void> {
    if (closed) return Promise.reject(new Error('live notifications are closed'));
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: databaseUrl, application_name: 'wraparound-live' });
      next.on('notification', (message) => {
        if (message.channel === OUTBOX_CHANNEL) for (const wake of outboxWakers) wake();
        else deliver(message.payload);
      });
      // An error, or the server ending the connection (a shutdown may do either): the listening
      // connection is lost. One that never connected is the caller's to retry.
      const lost = (reason: string) => {
        if (client !== next) return;
        client = null;
        connecting = null;
        lostAt ??= new Date();
        log(`live notifications: connection lost (${reason}); reconnecting`);
        void next.end().catch(() => {});
        reconnectLater();
      };
      next.on('error', (error) => lost(error.message));
      next.on('end', () => lost('connection ended'));
      try {
        await next.connect();
        await next.query(`LISTEN ${NOTIFICATION_CHANNEL}; LISTEN ${OUTBOX_CHANNEL}`);
      } catch (error) {
        connecting = null;
        void next.end().catch(() => {});
        throw error;
      }
      client = next;
      // Listening again: whatever was committed from here on is announced; before, it is read.
      const since = lostAt;
      lostAt = null;
      if (since) await catchUp(next, since).catch((error: Error) => log(`live notifications: catching up failed (${error.message})`));
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
      if (retry) clearTimeout(retry);
      retry = null;
      listeners.clear();
      outboxWakers.clear();
      const current = client;
      client = null;
      connecting = null;
      await current?.end().catch(() => {});
    },
  };
}
