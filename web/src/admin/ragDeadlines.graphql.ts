import { graphql, type ResultOf } from '../graphql.ts';

export const RagDeadlinesQuery = graphql(`
  query RagDeadlines { ragDeadlines { rag amount clock description } }
`);

export const RagDeadlinesUpdateMutation = graphql(`
  mutation RagDeadlinesUpdate($input: RagDeadlinesInput!) {
    ragDeadlinesUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on RagDeadlinesUpdateSuccess { ragDeadlines { rag amount clock description } }
    }
  }
`);

export type RagDeadline = ResultOf<typeof RagDeadlinesQuery>['ragDeadlines'][number];
