import { graphql } from '../../graphql.ts';

export const SecondFactorVerifyMutation = graphql(`
  mutation SecondFactorVerify($input: SecondFactorVerifyInput!) {
    secondFactorVerify(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on LoginSuccess { user { id } }
    }
  }
`);

export const SecondFactorEnrolMutation = graphql(`
  mutation SecondFactorEnrol($input: SecondFactorEnrolInput!) {
    secondFactorEnrol(input: $input) {
      __typename
      ... on ValidationError { fieldErrors { field message } }
      ... on SecondFactorEnrolment { secret qrCode }
    }
  }
`);

export const SecondFactorConfirmMutation = graphql(`
  mutation SecondFactorConfirm($input: SecondFactorConfirmInput!) {
    secondFactorConfirm(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on SecondFactorEnrolled { recoveryCodes }
    }
  }
`);
