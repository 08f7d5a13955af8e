import { graphql } from '../graphql.ts';

export const FiguresQuery = graphql(`
  query PartnershipFigures($from: DateTime!, $to: DateTime!) {
    partnershipFigures(from: $from, to: $to) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on PartnershipFigures {
        from to asOf
        referrals {
          total decidedWithinTime decidedLate undecidedOverdue pendingNotYetDue shareDecidedWithinTime
          bySourceAgencyType { agencyType count }
        }
        referralBacklog { awaitingDecision overdue overdueUnderOneDay overdueOneToSevenDays overdueOverSevenDays }
        informationRequests { recipientsAsked answeredByDueTime answeredLate overdueNow pendingNotYetDue shareAnsweredByDueTime }
        disagreements {
          opened resolved shareResolvedAtStageOne medianHoursToResolution p90HoursToResolution stagesOverdueNow systemIssuesFound
          openByCurrentStage { position count }
          resolvedAtStage { position count share }
          byReason { reasonCode count }
          byAgencyPair { raisingAgencyType respondingAgencyType count }
          themes { theme count }
        }
        encompass {
          sent deliveredBeforeNextSchoolDay acknowledgedBeforeNextSchoolDay acknowledgedLate unacknowledgedOverdue pendingNotYetDue
          shareAcknowledgedBeforeNextSchoolDay
        }
        concernPatterns { found lookedAt medianHoursToLook }
      }
    }
    escalationLadder { reasonCategories { code label } stages { position label } }
  }
`);
