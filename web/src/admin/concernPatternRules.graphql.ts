import { graphql, type ResultOf } from '../graphql.ts';

export const ConcernPatternRulesQuery = graphql(`
  query ConcernPatternRules {
    concernPatternRules { organisations concerns windowDays alertRoles alertRoleChoices }
  }
`);

// Answers with the saved rules; the page keeps the choices it loaded.
export const ConcernPatternRulesUpdateMutation = graphql(`
  mutation ConcernPatternRulesUpdate($input: ConcernPatternRulesInput!) {
    concernPatternRulesUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ConcernPatternRules { organisations concerns windowDays alertRoles }
    }
  }
`);

export type ConcernPatternRules = ResultOf<typeof ConcernPatternRulesQuery>['concernPatternRules'];
