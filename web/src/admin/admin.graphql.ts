import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts';

export const NotificationFailuresQuery = graphql(`
  query NotificationFailures {
    notificationFailures(first: 100) {
      edges { node { id title reference createdAt attempts lastError recipient { displayName email organisation { name } } } }
      pageInfo { hasNextPage }
    }
  }
`);

export const NotificationRetryMutation = graphql(`
  mutation NotificationRetry($id: ID!) {
    notificationRetry(id: $id) {
      __typename
      ... on Error { message }
    }
  }
`);

const CalendarFields = graphql(`
  fragment CalendarFields on PartnershipCalendar { officeOpens officeCloses holidayRegion timeZone closureDays { date description } }
`);

export const CalendarQuery = graphql(`
  query PartnershipCalendar { partnershipCalendar { ...CalendarFields } }
`, [CalendarFields]);

export const CalendarUpdateMutation = graphql(`
  mutation PartnershipCalendarUpdate($input: PartnershipCalendarInput!) {
    partnershipCalendarUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on PartnershipCalendar { ...CalendarFields }
    }
  }
`, [CalendarFields]);

export type Calendar = ResultOf<typeof CalendarFields>;
export const calendarOf = (masked: FragmentOf<typeof CalendarFields>): Calendar => readFragment(CalendarFields, masked);
