import { graphql, type ResultOf } from '../graphql.ts';

export const MissedClockAlertsQuery = graphql(`
  query MissedClockAlerts {
    missedClockAlerts {
      referralOverdueRoles referralSeniorRoles referralSeniorAfterWorkingHours
      encompassOverdueRoles encompassSeniorRoles encompassSeniorAfterWorkingHours
      referralRoleChoices encompassSchoolRoleChoices encompassPoliceRoleChoices
    }
  }
`);

// Answers with the saved settings' fields only; the page keeps the choices it loaded.
export const MissedClockAlertsUpdateMutation = graphql(`
  mutation MissedClockAlertsUpdate($input: MissedClockAlertsInput!) {
    missedClockAlertsUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on MissedClockAlerts {
        referralOverdueRoles referralSeniorRoles referralSeniorAfterWorkingHours
        encompassOverdueRoles encompassSeniorRoles encompassSeniorAfterWorkingHours
      }
    }
  }
`);

export type MissedClockAlerts = ResultOf<typeof MissedClockAlertsQuery>['missedClockAlerts'];
