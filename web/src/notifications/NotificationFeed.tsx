// A person's notifications, newest first, with those that arrive live at the top: what happened,
// the reference, who acted and when, and a link to the record where the web app has a page for it.
// Each can be marked read, or all at once.
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { formatDateTime } from '../app/format.ts';
import { Loading, ProblemBanner, Tag } from '../components/govuk.tsx';
import { useLiveNotifications, useReloadAfterReconnecting } from './live.tsx';
import { feedItem, MarkAllReadMutation, MarkReadMutation, NotificationsQuery, type FeedItem } from './notifications.graphql.ts';

/** The web app's page for each kind of record a notification points to (others have none yet). */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  Disagreement: (id) => `/disagreements/${id}`,
  // A referred concern: its page shows the referral and the front door's decision.
  ChronologyEntry: (id) => `/entries/${id}`,
  InformationRequest: (id) => `/information-requests/request/${id}`,
  // A school's notifications are read on one page, newest first.
  EncompassNotification: () => '/encompass',
  // Joining the dots: the front door's list of patterns of concerns.
  ConcernPattern: () => '/concern-patterns',
  // Only the IG lead is told of emergency access: its review page.
  BreakGlassGrant: (id) => `/information-governance/emergency-access/${id}`,
};

export const recordPage = (n: Pick<FeedItem, 'subjectType' | 'subjectId'>) => RECORD_PAGES[n.subjectType]?.(n.subjectId) ?? null;

function Item({ n, read, onMarkRead, busy }: { n: FeedItem; read: boolean; onMarkRead(): void; busy: boolean }) {
  const page = recordPage(n);
  return (
    <li className={`app-feed__item${read ? '' : ' app-feed__item--unread'}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {page ? <Link className="govuk-link" to={page}>{n.title}</Link> : n.title}{' '}
        {!read && <Tag colour="blue">Unread</Tag>} {n.urgent && <Tag colour="red">Urgent</Tag>}
      </h3>
      <p className="govuk-body govuk-!-margin-bottom-1">{n.sentence}</p>
      <p className="govuk-body-s app-feed__meta">
        Reference {n.reference} · {n.actor ? `by ${n.actor}` : 'automatic'} · {formatDateTime(n.createdAt)}
      </p>
      {!read && (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-feed__button" disabled={busy} onClick={onMarkRead}>
          Mark as read<span className="govuk-visually-hidden">: {n.title}, {n.reference}</span>
        </button>
      )}
    </li>
  );
}

export function NotificationFeed({ pageSize }: { pageSize: number }) {
  const client = useClient();
  const live = useLiveNotifications();
  const [{ data, fetching, error }, reload] = useQuery({ query: NotificationsQuery, variables: { first: pageSize } });
  const [more, setMore] = useState<{ items: FeedItem[]; hasNextPage: boolean; endCursor: string | null } | null>(null);
  // The live stream is back after a drop: load the newest again (what came meanwhile is there).
  useReloadAfterReconnecting(reload);
  const [marking, markRead] = useMutation(MarkReadMutation);
  const [markingAll, markAllRead] = useMutation(MarkAllReadMutation);
  const [problem, setProblem] = useState<string | null>(null);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <ProblemBanner message="Your notifications could not be loaded. Try again." />;
  const first = data!.notifications;
  const page = more ?? { items: [], ...first.pageInfo };
  const seen = new Set<string>();
  const items = [...live.arrived, ...first.edges.map((e) => feedItem(e.node)), ...page.items].filter((n) => !seen.has(n.id) && seen.add(n.id));
  const isRead = (n: FeedItem) => Boolean(n.id in live.readAt ? live.readAt[n.id] : n.readAt);
  const busy = marking.fetching || markingAll.fetching;

  const onMarkRead = async (id: string) => {
    const answer = (await markRead({ ids: [id] })).data?.notificationsMarkRead;
    if (answer?.__typename === 'NotificationsMarkReadSuccess') live.marked(answer.unreadCount, answer.notifications);
    setProblem(answer?.__typename === 'NotificationsMarkReadSuccess' ? null : 'That notification could not be marked as read. Try again.');
  };
  const onMarkAllRead = async () => {
    const answer = (await markAllRead({})).data?.notificationsMarkAllRead;
    if (answer) live.marked(answer.unreadCount, answer.notifications);
    setProblem(answer ? null : 'Your notifications could not be marked as read. Try again.');
  };
  const onLoadMore = async () => {
    const result = await client.query(NotificationsQuery, { first: pageSize, after: page.endCursor }).toPromise();
    const next = result.data?.notifications;
    if (!next) return setProblem('More notifications could not be loaded. Try again.');
    setMore({ items: [...page.items, ...next.edges.map((e) => feedItem(e.node))], ...next.pageInfo });
  };

  if (items.length === 0) return <p className="govuk-body">You have no notifications.</p>;
  return (
    <>
      {problem && <ProblemBanner message={problem} />}
      {items.some((n) => !isRead(n)) && (
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => void onMarkAllRead()}>
          Mark all as read
        </button>
      )}
      <ul className="govuk-list app-feed">
        {items.map((n) => <Item key={n.id} n={n} read={isRead(n)} busy={busy} onMarkRead={() => void onMarkRead(n.id)} />)}
      </ul>
      {page.hasNextPage && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void onLoadMore()}>Show older notifications</button>
      )}
    </>
  );
}
