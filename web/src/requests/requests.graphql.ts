import { ChildInViewFields } from '../children/childInView.graphql.ts';
import { graphql } from '../graphql.ts';

/** The child and the agencies that could be asked. */
export const RequestFormQuery = graphql(`
  query InformationRequestForm($childId: ID!) {
    child(id: $childId) { id givenName familyName }
    organisations { id name agencyType }
  }
`);

export const InformationRequestCreateMutation = graphql(`
  mutation InformationRequestCreate($input: InformationRequestCreateInput!) {
    informationRequestCreate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on InformationRequestCreateSuccess { request { id reference dueAt } }
    }
  }
`);

/** One agency's row: the request as that agency sees it, and its answer. */
export const RecipientQuery = graphql(`
  query InformationRequestRecipient($id: ID!) {
    informationRequestRecipient(id: $id) {
      id dueAt overdue respondedAt response nothingHeld organisation { id name }
      request {
        reference rag question purpose createdAt status
        requestingOrganisation { name }
        subject { givenName familyName dateOfBirth nhsNumber }
        child { ...ChildInViewFields }
      }
    }
  }
`, [ChildInViewFields]);

export const InformationRequestRespondMutation = graphql(`
  mutation InformationRequestRespond($input: InformationRequestRespondInput!) {
    informationRequestRespond(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
    }
  }
`);

export const SentRequestsQuery = graphql(`
  query InformationRequestsSent($after: String) {
    informationRequestsSent(first: 20, after: $after) {
      edges { node {
        id reference rag question status overdue dueAt createdAt
        subject { givenName familyName }
        recipients { id organisation { name } respondedAt response nothingHeld overdue }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** One request, as a notification about it opens it: the asked agency goes on to its own row. */
export const InformationRequestQuery = graphql(`
  query InformationRequest($id: ID!) {
    informationRequest(id: $id) {
      id reference rag question status overdue dueAt createdAt
      requestingOrganisation { id }
      subject { givenName familyName dateOfBirth nhsNumber }
      child { ...ChildInViewFields }
      recipients { id organisation { id name } respondedAt response nothingHeld overdue }
    }
  }
`, [ChildInViewFields]);
