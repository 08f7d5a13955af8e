import { graphql, type ResultOf } from '../graphql.ts';

export const MeQuery = graphql(`
  query Me {
    me { id displayName email roles organisation { id name agencyType } partnership { name } }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on LoginSuccess { user { id } }
      ... on SecondFactorRequired { challenge }
      ... on SecondFactorEnrolmentRequired { challenge }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut { logout }
`);

export type Viewer = ResultOf<typeof MeQuery>['me'];
