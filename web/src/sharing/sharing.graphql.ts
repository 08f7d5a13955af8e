import { ChildInViewFields } from '../children/childInView.graphql.ts';
import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts';

// Not exported: the manifest holds operations only; the fragment travels inside each of them.
const ShareDecisionFields = graphql(`
  fragment ShareDecisionFields on Share {
    id decision whatShared purpose lawfulBasis specialCategoryCondition consentStatus consentNotSoughtReason consentNote
    reasonNotShared decidedAt expiresAt revokedAt revokeReason live
    recipientOrganisation { id name } recipientUser { id displayName }
    decidedBy { displayName } revokedBy { displayName }
  }
`);

export type ShareDecision = ResultOf<typeof ShareDecisionFields>;
export const decisionsOf = (masked: ReadonlyArray<FragmentOf<typeof ShareDecisionFields>>): ShareDecision[] =>
  masked.map((m) => readFragment(ShareDecisionFields, m));

/** The sharing decisions on an entry: null for anyone who may not make them. */
export const EntryDecisionsQuery = graphql(`
  query EntryDecisions($id: ID!) { entryShares(entryId: $id) { ...ShareDecisionFields } }
`, [ShareDecisionFields]);

/** The entry, for the sharing forms, and its decisions (null: the person may not make them). */
export const EntrySharesQuery = graphql(`
  query EntryShares($id: ID!) {
    chronologyEntry(id: $id) { id summary kind sensitive organisation { id name } child { ...ChildInViewFields } }
    entryShares(entryId: $id) { ...ShareDecisionFields }
  }
`, [ShareDecisionFields, ChildInViewFields]);

export const ShareCreateMutation = graphql(`
  mutation ShareCreate($input: ShareCreateInput!) {
    shareCreate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ShareSuccess { share { id recipientOrganisation { name } recipientUser { displayName } } }
    }
  }
`);

export const ShareDeclineMutation = graphql(`
  mutation ShareDecline($input: ShareDeclineInput!) {
    shareDecline(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ShareSuccess { share { id } }
    }
  }
`);

export const ShareRevokeMutation = graphql(`
  mutation ShareRevoke($shareId: ID!, $reason: String!) {
    shareRevoke(shareId: $shareId, reason: $reason) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ShareRevokeSuccess { share { id } }
    }
  }
`);
