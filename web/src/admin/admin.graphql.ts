import { graphql } from '../graphql.ts';

export const NotificationFailuresQuery = graphql(`
  query NotificationFailures {
    notificationFailures(first: 100) {
      edges { node { id title reference createdAt attempts lastError recipient { displayName email organisation { name } } } }
      pageInfo { hasNextPage }
    }
  }
`);

export const NotificationRetryMutation = graphql(`
  mutation NotificationRetry($id: ID!) {
    notificationRetry(id: $id) {
      __typename
      ... on Error { message }
    }
  }
`);
