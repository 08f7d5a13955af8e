import { graphql } from '../graphql.ts';

export const AccountActivateMutation = graphql(`
  mutation AccountActivate($input: AccountActivateInput!) {
    accountActivate(input: $input) {
      __typename
      ... on ValidationError { message fieldErrors { field message } }
      ... on AccountActivateSuccess { email }
    }
  }
`);
