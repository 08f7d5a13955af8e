import { graphql, readFragment, type FragmentOf } from '../graphql.ts';

export const QueuedReferralFields = graphql(`
  fragment QueuedReferralFields on Referral {
    id immediateRisk decisionDueAt overdue
    concern { reference riskLevel entry { id summary } }
    referringOrganisation { name }
    child { id givenName familyName dateOfBirth }
  }
`);
export const queuedReferralOf = (masked: FragmentOf<typeof QueuedReferralFields>) => readFragment(QueuedReferralFields, masked);

export const ReferralQueueQuery = graphql(`
  query ReferralQueue($after: String, $filter: ReferralQueueFilter) {
    referralsAwaitingDecision(first: 25, after: $after, filter: $filter) {
      totalCount
      edges { node { ...QueuedReferralFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`, [QueuedReferralFields]);

/** Organisations that may have referred: for the filter's choices (names only). */
export const ReferringOrganisationsQuery = graphql(`
  query ReferringOrganisations { organisations { id name } }
`);
