import { ChildInViewFields } from '../children/childInView.graphql.ts';
import { graphql } from '../graphql.ts';

export const ConcernRaiseMutation = graphql(`
  mutation ConcernRaise($input: ConcernRaiseInput!) {
    concernRaise(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ConcernRaiseSuccess { concern { id entry { id } } }
    }
  }
`);

export const EntryQuery = graphql(`
  query Entry($id: ID!) {
    chronologyEntry(id: $id) {
      id kind summary detail sensitive occurredAt recordedAt backdated categories
      organisation { id name }
      author { displayName }
      child { ...ChildInViewFields }
      concern {
        id reference status riskLevel narrative childsWords actionTaken dslInformed
        referrals { id referredAt decisionDueAt decision decidedAt decisionRationale overdue }
      }
    }
  }
`, [ChildInViewFields]);

export const ConcernReferMutation = graphql(`
  mutation ConcernRefer($id: ID!) {
    concernRefer(concernId: $id) {
      __typename
      ... on Error { message }
      ... on ConcernReferSuccess { referral { id decisionDueAt } }
    }
  }
`);

export const ReferralDecideMutation = graphql(`
  mutation ReferralDecide($input: ReferralDecideInput!) {
    referralDecide(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ReferralDecideSuccess { referral { id decision } }
    }
  }
`);
