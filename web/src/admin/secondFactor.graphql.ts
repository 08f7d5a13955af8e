import { graphql } from '../graphql.ts';

export const SecondFactorPolicyQuery = graphql(`
  query SecondFactorPolicy { secondFactorPolicy { required } }
`);

export const SecondFactorPolicyUpdateMutation = graphql(`
  mutation SecondFactorPolicyUpdate($input: SecondFactorPolicyInput!) {
    secondFactorPolicyUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on SecondFactorPolicy { required }
    }
  }
`);

export const UserSecondFactorResetMutation = graphql(`
  mutation UserSecondFactorReset($input: UserSecondFactorResetInput!) {
    userSecondFactorReset(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on UserSecondFactorResetSuccess { user { id displayName secondFactorEnrolled } }
    }
  }
`);
