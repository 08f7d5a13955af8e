// Live notifications for the signed-in person, shared by the header's unread count and every feed:
// one subscription (GraphQL over SSE) held while the person is signed in. A notification that
// arrives is announced to screen readers and the unread count is asked for again, so it stays the
// API's own figure rather than one the page keeps counting.
//
// A stream can drop (the server restarts, a proxy times it out, the network goes). Then the app
// waits (1, 2, 4 … up to 30 seconds, or until the browser is back online), asks the API for the
// unread count, and only once the API answers subscribes again and has every feed load again, so
// nothing sent meanwhile is missed.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';
import { feedItem, NotificationReceivedSubscription, UnreadCountQuery, type FeedItem } from './notifications.graphql.ts';

interface LiveNotifications {
  /** Null until the API has answered. */
  unreadCount: number | null;
  /** Those that arrived while the app was open, newest first. */
  arrived: readonly FeedItem[];
  /** When each notification marked here was read (overrides what a feed loaded earlier). */
  readAt: Readonly<Record<string, string | null>>;
  /** Goes up each time the stream is back after a drop: feeds load again when it changes. */
  reconnections: number;
  /** After marking some read: the API's new count and the notifications as they are now. */
  marked(unreadCount: number, notifications: ReadonlyArray<{ id: string; readAt: string | null }>): void;
}

const LiveContext = createContext<LiveNotifications | null>(null);

export function NotificationsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [count, refetchCount] = useQuery({ query: UnreadCountQuery, pause: !enabled });
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [readAt, setReadAt] = useState<Record<string, string | null>>({});
  const client = useClient();
  const [arrived, setArrived] = useState<FeedItem[]>([]);
  const [reconnections, setReconnections] = useState(0);

  // urql's useSubscription does not say when a stream has ended, so the stream is held here.
  useEffect(() => {
    if (!enabled) {
      setArrived([]);
      return;
    }
    let stopped = false;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let steady: ReturnType<typeof setTimeout> | undefined;
    let stream: { unsubscribe(): void } | undefined;

    const listen = () => {
      // A stream that stays up a while starts the pauses again from the shortest.
      steady = setTimeout(() => (attempt = 0), 30_000);
      stream = pipe(
        client.subscription(NotificationReceivedSubscription, {}),
        onEnd(() => {
          clearTimeout(steady);
          if (!stopped) later();
        }),
        subscribe((result) => {
          // The stream's last result repeats the one before it, with hasNext false.
          if (!result.data || !result.hasNext) return;
          const item = feedItem(result.data.notificationReceived);
          setArrived((previous) => (previous.some((n) => n.id === item.id) ? previous : [item, ...previous]));
        }),
      );
    };
    const reconnect = async () => {
      window.removeEventListener('online', reconnectNow);
      const probe = await client.query(UnreadCountQuery, {}, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) return;
      if (!probe.data) return later();
      setUnreadCount(probe.data.notificationUnreadCount);
      setReconnections((n) => n + 1);
      listen();
    };
    const reconnectNow = () => {
      clearTimeout(retry);
      void reconnect();
    };
    const later = () => {
      retry = setTimeout(reconnectNow, Math.min(30_000, 1_000 * 2 ** attempt++));
      window.addEventListener('online', reconnectNow);
    };

    listen();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(steady);
      window.removeEventListener('online', reconnectNow);
      stream?.unsubscribe();
    };
  }, [enabled, client]);

  useEffect(() => {
    if (count.data) setUnreadCount(count.data.notificationUnreadCount);
  }, [count.data]);
  useEffect(() => {
    if (arrived.length) refetchCount({ requestPolicy: 'network-only' });
  }, [arrived.length, refetchCount]);

  const marked = useCallback((unread: number, notifications: ReadonlyArray<{ id: string; readAt: string | null }>) => {
    setUnreadCount(unread);
    setReadAt((known) => ({ ...known, ...Object.fromEntries(notifications.map((n) => [n.id, n.readAt])) }));
  }, []);

  const value = useMemo(() => ({ unreadCount, arrived, readAt, reconnections, marked }), [unreadCount, arrived, readAt, reconnections, marked]);
  const latest = arrived[0];
  return (
    <LiveContext.Provider value={value}>
      <div className="govuk-visually-hidden" aria-live="polite">{latest ? `New notification: ${latest.title}, ${latest.reference}` : ''}</div>
      {children}
    </LiveContext.Provider>
  );
}

export function useLiveNotifications(): LiveNotifications {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLiveNotifications outside NotificationsProvider');
  return live;
}

/** Runs `reload` each time the live stream is back after a drop: what a screen shows may have changed meanwhile. */
export function useReloadAfterReconnecting(reload: (options: { requestPolicy: 'network-only' }) => void) {
  const { reconnections } = useLiveNotifications();
  useEffect(() => {
    if (reconnections > 0) reload({ requestPolicy: 'network-only' });
  }, [reconnections, reload]);
}
