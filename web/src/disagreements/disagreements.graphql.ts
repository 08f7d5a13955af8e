import { ChildInViewFields } from '../children/childInView.graphql.ts';
import { graphql, readFragment, type FragmentOf } from '../graphql.ts';

export const RaiseFormQuery = graphql(`
  query DisagreementRaiseForm($childId: ID!) {
    child(id: $childId) { id givenName familyName }
    escalationLadder {
      version urgentPathEnabled urgentLimitHours
      reasonCategories { code label excluded redirectTo }
      stages { position label }
    }
    chronology(childId: $childId, first: 50) { edges { node { id organisation { id name agencyType } } } }
  }
`);

export const DisagreementRaiseMutation = graphql(`
  mutation DisagreementRaise($input: DisagreementRaiseInput!) {
    disagreementRaise(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on DisagreementRaiseSuccess { disagreement { id } }
    }
  }
`);

export const DisagreementQuery = graphql(`
  query Disagreement($id: ID!) {
    disagreement(id: $id) {
      id reference status urgency immediateRisk immediateRiskAdvice createdAt
      child { givenName familyName ...ChildInViewFields } childRecordOpen
      raisedBy { id displayName jobTitle }
      raisingOrganisation { id name agencyType }
      respondingOrganisation { id name agencyType }
      respondingUser { displayName jobTitle }
      urgentReason viewerActions
      decisionChallenged decisionDate reasonCode evidence outcomeSought
      currentPosition currentDueAt overdue ladderVersion
      stages {
        position label enteredAt dueAt exit exitReason exitedAt overdue
        exitedBy { displayName organisation { name } }
        contributions { author { displayName jobTitle organisation { name } } createdAt discussion decision rationale }
      }
      actions { description dueOn completedAt }
      outcomeStatement resolvedAt resolvedAtPosition withdrawnReason
    }
  }
`, [ChildInViewFields]);

/** The ladder version the disagreement runs on: its reasons' wording and who takes part at each stage. */
export const LadderQuery = graphql(`
  query DisagreementLadder($version: Int!) {
    escalationLadder(version: $version) {
      version
      reasonCategories { code label }
      stages { position raiserRoles responderRoles partnershipRoles }
    }
  }
`);

export const DisagreementRespondMutation = graphql(`
  mutation DisagreementRespond($id: ID!, $discussion: String!, $decision: String, $rationale: String) {
    disagreementRespond(disagreementId: $id, discussion: $discussion, decision: $decision, rationale: $rationale) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
    }
  }
`);

export const DisagreementEscalateMutation = graphql(`
  mutation DisagreementEscalate($id: ID!, $reason: String!) {
    disagreementEscalate(disagreementId: $id, reason: $reason) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
    }
  }
`);

export const DisagreementResolveMutation = graphql(`
  mutation DisagreementResolve($input: DisagreementResolveInput!) {
    disagreementResolve(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
    }
  }
`);

export const DisagreementWithdrawMutation = graphql(`
  mutation DisagreementWithdraw($id: ID!, $reason: String!) {
    disagreementWithdraw(disagreementId: $id, reason: $reason) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
    }
  }
`);

/** A row of the queue of disagreements at a stage where the viewer acts (home, and the whole queue). */
export const QueuedDisagreementFields = graphql(`
  fragment QueuedDisagreementFields on Disagreement {
    id reference overdue currentDueAt currentPosition
    child { id givenName familyName }
    stages { position label }
  }
`);
export const queuedDisagreementOf = (masked: FragmentOf<typeof QueuedDisagreementFields>) => readFragment(QueuedDisagreementFields, masked);

export const DisagreementQueueQuery = graphql(`
  query DisagreementQueue($after: String) {
    disagreementQueue(first: 25, after: $after) {
      edges { node { ...QueuedDisagreementFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [QueuedDisagreementFields]);
