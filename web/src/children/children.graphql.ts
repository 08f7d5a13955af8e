import { graphql } from '../graphql.ts';

export const ChildSearchQuery = graphql(`
  query ChildSearch($input: ChildSearchInput!) {
    childSearch(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on ChildSearchSuccess {
        matches { matchedOn child { id givenName familyName dateOfBirth nhsNumber school { name } } }
      }
    }
  }
`);

export const ChildQuery = graphql(`
  query Child($id: ID!) {
    child(id: $id, purpose: "Viewed in the web app") {
      id givenName familyName preferredName dateOfBirth gender nhsNumber upn mergedInto
      school { name }
      statuses { kind current startedOn endedOn }
    }
  }
`);

export const ChronologyQuery = graphql(`
  query Chronology($childId: ID!, $after: String, $filter: ChronologyFilter) {
    chronology(childId: $childId, first: 10, after: $after, filter: $filter) {
      edges {
        node {
          id kind occurredAt recordedAt backdated summary categories
          organisation { id name agencyType }
          author { displayName }
          concern { id reference status riskLevel }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The partnership's child index: identity only, for a child the searcher cannot see yet. */
export const ChildIndexQuery = graphql(`
  query ChildIndex($input: ChildIndexInput!) {
    childIndex(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on ChildIndexSuccess { found { recordOpen child { id givenName familyName dateOfBirth gender } } }
    }
  }
`);

export const ChildInvolvementRecordMutation = graphql(`
  mutation ChildInvolvementRecord($input: ChildInvolvementRecordInput!) {
    childInvolvementRecord(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on ChildInvolvementRecordSuccess { child { id } }
    }
  }
`);

export const ChildRegisterMutation = graphql(`
  mutation ChildRegister($input: ChildRegisterInput!) {
    childRegister(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on PossibleDuplicateError { identifierMatch hiddenMatches matches { child { id givenName familyName dateOfBirth } } }
      ... on ChildRegisterSuccess { child { id } }
    }
  }
`);

export const SchoolsQuery = graphql(`
  query Schools { organisations(agencyTypes: [SCHOOL]) { id name } }
`);
