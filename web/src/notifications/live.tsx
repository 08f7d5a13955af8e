// Live notifications for the signed-in person, shared by the header's unread count and every feed:
// one subscription (GraphQL over SSE) held while the person is signed in. A notification that
// arrives is announced to screen readers and the unread count is asked for again, so it stays the
// API's own figure rather than one the page keeps counting.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useSubscription } from 'urql';
import { feedItem, NotificationReceivedSubscription, UnreadCountQuery, type FeedItem } from './notifications.graphql.ts';

interface LiveNotifications {
  /** Null until the API has answered. */
  unreadCount: number | null;
  /** Those that arrived while the app was open, newest first. */
  arrived: readonly FeedItem[];
  /** When each notification marked here was read (overrides what a feed loaded earlier). */
  readAt: Readonly<Record<string, string | null>>;
  /** After marking some read: the API's new count and the notifications as they are now. */
  marked(unreadCount: number, notifications: ReadonlyArray<{ id: string; readAt: string | null }>): void;
}

const LiveContext = createContext<LiveNotifications | null>(null);

export function NotificationsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [count, refetchCount] = useQuery({ query: UnreadCountQuery, pause: !enabled });
  const [unreadCount, setUnreadCount] = useState<number | null>(null);
  const [readAt, setReadAt] = useState<Record<string, string | null>>({});
  const [{ data: arrived = [] }] = useSubscription(
    { query: NotificationReceivedSubscription, pause: !enabled },
    (previous: FeedItem[] = [], data) => [feedItem(data.notificationReceived), ...previous],
  );

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

  const value = useMemo(() => ({ unreadCount, arrived, readAt, marked }), [unreadCount, arrived, readAt, marked]);
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
