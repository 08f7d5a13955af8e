import { graphql, type ResultOf } from '../graphql.ts';

export const PeopleQuery = graphql(`
  query People($first: Int!, $after: String, $organisationId: ID) {
    users(first: $first, after: $after, organisationId: $organisationId, includeInactive: true) {
      edges { node { id displayName email jobTitle roles active passwordSet organisation { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PersonQuery = graphql(`
  query Person($id: ID!) {
    user(id: $id) { id displayName email jobTitle roles active secondFactorEnrolled organisation { id name agencyType } }
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations { organisations { id name agencyType } }
`);

export const UserCreateMutation = graphql(`
  mutation UserCreate($input: UserCreateInput!) {
    userCreate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on UserCreateSuccess { user { id displayName email } invitation { token expiresAt } }
    }
  }
`);

export const UserUpdateMutation = graphql(`
  mutation UserUpdate($input: UserUpdateInput!) {
    userUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on UserUpdateSuccess { user { id displayName jobTitle roles active } }
    }
  }
`);

export const UserInviteMutation = graphql(`
  mutation UserInvite($userId: ID!) {
    userInvite(userId: $userId) {
      __typename
      ... on Error { message }
      ... on UserInviteSuccess { invitation { token expiresAt } }
    }
  }
`);

export type Organisation = ResultOf<typeof OrganisationsQuery>['organisations'][number];
export type Invitation = { token: string; expiresAt: string };
