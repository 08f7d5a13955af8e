import { ChildInViewFields } from '../children/childInView.graphql.ts';
import { graphql } from '../graphql.ts';

export const EncompassFormQuery = graphql(`
  query EncompassForm($childId: ID!) {
    child(id: $childId) { id givenName familyName school { name } }
  }
`);

export const EncompassNotifyMutation = graphql(`
  mutation EncompassNotify($input: EncompassNotifyInput!) {
    encompassNotify(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on EncompassNotifySuccess { notification { id reference dueBy school { name } } }
    }
  }
`);

/** A school's DSLs see those sent to the school; a police team those it sent. */
export const EncompassNotificationsQuery = graphql(`
  query EncompassNotifications($after: String) {
    encompassNotifications(first: 20, after: $after) {
      edges { node {
        id reference incidentAt location childPresent childsVoice circumstances policeReference dueBy
        deliveredAt deliveredBeforeNextSchoolDay acknowledgedAt createdAt
        child { givenName familyName ...ChildInViewFields }
        school { name } policeOrganisation { name }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [ChildInViewFields]);

export const EncompassAcknowledgeMutation = graphql(`
  mutation EncompassAcknowledge($id: ID!) {
    encompassAcknowledge(id: $id) {
      __typename
      ... on Error { message }
      ... on EncompassAcknowledgeSuccess { notification { id acknowledgedAt } }
    }
  }
`);
