import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts';

/** What a feed item shows. Nothing about the child: the record it points to has its own rules. */
// Not exported: the manifest holds operations only; the fragment travels inside each of them.
const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id title sentence reference actor createdAt readAt urgent subjectType subjectId
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { node { ...NotificationFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [NotificationFields]);

export const UnreadCountQuery = graphql(`
  query NotificationUnreadCount { notificationUnreadCount }
`);

/** Held open over server-sent events while someone is signed in. */
export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived { notificationReceived { ...NotificationFields } }
`, [NotificationFields]);

export const MarkReadMutation = graphql(`
  mutation NotificationsMarkRead($ids: [ID!]!) {
    notificationsMarkRead(ids: $ids) {
      __typename
      ... on Error { message }
      ... on NotificationsMarkReadSuccess { unreadCount notifications { id readAt } }
    }
  }
`);

export const MarkAllReadMutation = graphql(`
  mutation NotificationsMarkAllRead {
    notificationsMarkAllRead { unreadCount notifications { id readAt } }
  }
`);

export const PreferencesQuery = graphql(`
  query NotificationPreferences { notificationPreferences { delivery digestTime } }
`);

export const PreferencesUpdateMutation = graphql(`
  mutation NotificationPreferencesUpdate($input: NotificationPreferencesInput!) {
    notificationPreferencesUpdate(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on NotificationPreferencesUpdateSuccess { preferences { delivery digestTime } }
    }
  }
`);

export type FeedItem = ResultOf<typeof NotificationFields>;
export const feedItem = (masked: FragmentOf<typeof NotificationFields>): FeedItem => readFragment(NotificationFields, masked);
