import { graphql, readFragment, type FragmentOf } from '../graphql.ts';

export const ConcernPatternFields = graphql(`
  fragment ConcernPatternFields on ConcernPattern {
    id kind organisations concerns windowDays foundAt seenAt
    seenBy { displayName }
    child { id givenName familyName dateOfBirth }
  }
`);
export const concernPatternOf = (masked: FragmentOf<typeof ConcernPatternFields>) => readFragment(ConcernPatternFields, masked);

export const ConcernPatternsQuery = graphql(`
  query ConcernPatterns($after: String, $notSeenOnly: Boolean) {
    concernPatterns(first: 25, after: $after, notSeenOnly: $notSeenOnly) {
      totalCount
      edges { node { ...ConcernPatternFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [ConcernPatternFields]);

export const ConcernPatternSeenMutation = graphql(`
  mutation ConcernPatternSeen($id: ID!) {
    concernPatternSeen(id: $id) {
      __typename
      ... on Error { message }
      ... on ConcernPatternSeenSuccess { pattern { ...ConcernPatternFields } }
    }
  }
`, [ConcernPatternFields]);
