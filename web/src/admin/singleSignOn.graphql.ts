import { graphql, type ResultOf } from '../graphql.ts';

export const OrganisationSingleSignOnQuery = graphql(`
  query OrganisationSingleSignOn {
    organisations(includeInactive: true) { id name singleSignOn { issuer clientId emailDomains passwordsDisabled signInPath } }
  }
`);

export const OrganisationSingleSignOnSetMutation = graphql(`
  mutation OrganisationSingleSignOnSet($input: OrganisationSingleSignOnSetInput!) {
    organisationSingleSignOnSet(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on OrganisationSingleSignOnSetSuccess { organisation { id name singleSignOn { issuer clientId emailDomains passwordsDisabled signInPath } } }
    }
  }
`);

export const OrganisationSingleSignOnRemoveMutation = graphql(`
  mutation OrganisationSingleSignOnRemove($input: OrganisationSingleSignOnRemoveInput!) {
    organisationSingleSignOnRemove(input: $input) {
      __typename
      ... on Error { message }
      ... on OrganisationSingleSignOnRemoveSuccess { organisation { id name singleSignOn { issuer } } }
    }
  }
`);

export type SingleSignOnOrganisation = ResultOf<typeof OrganisationSingleSignOnQuery>['organisations'][number];
