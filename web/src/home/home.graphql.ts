import { QueuedDisagreementFields } from '../disagreements/disagreements.graphql.ts';
import { ConcernPatternFields } from '../concerns/concernPatterns.graphql.ts';
import { QueuedReferralFields } from '../concerns/referrals.graphql.ts';
import { graphql } from '../graphql.ts';

/** Everything that may need the signed-in person now. Each list is already limited by the API to
 * what this person may see (empty for roles it does not concern). */
export const HomeQuery = graphql(`
  query Home {
    disagreementQueue(first: 25) {
      edges { node { ...QueuedDisagreementFields } }
      pageInfo { hasNextPage }
    }
    concernPatterns(first: 5, notSeenOnly: true) {
      totalCount
      edges { node { ...ConcernPatternFields } }
    }
    referralsAwaitingDecision(first: 10) {
      totalCount
      edges { node { ...QueuedReferralFields } }
    }
    informationRequestsReceived(first: 20) {
      edges { node { id dueAt overdue respondedAt request { reference rag question subject { givenName familyName } } } }
    }
    encompassNotifications(first: 20, unacknowledgedOnly: true) {
      edges { node { id reference incidentAt dueBy policeReference child { id givenName familyName } } }
    }
  }
`, [QueuedDisagreementFields, QueuedReferralFields, ConcernPatternFields]);
