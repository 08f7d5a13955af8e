import { QueuedDisagreementFields } from '../disagreements/disagreements.graphql.ts';
import { graphql } from '../graphql.ts';

/** Everything that may need the signed-in person now. Each list is already limited by the API to
 * what this person may see (empty for roles it does not concern). */
export const HomeQuery = graphql(`
  query Home {
    disagreementQueue(first: 25) {
      edges { node { ...QueuedDisagreementFields } }
      pageInfo { hasNextPage }
    }
    referralsAwaitingDecision: concerns(first: 20, status: [REFERRED]) {
      edges { node { id reference riskLevel entry { id summary organisation { name } } referrals { id decisionDueAt overdue decision } } }
    }
    informationRequestsReceived(first: 20) {
      edges { node { id dueAt overdue respondedAt request { reference rag question subject { givenName familyName } } } }
    }
    encompassNotifications(first: 20, unacknowledgedOnly: true) {
      edges { node { id reference incidentAt dueBy policeReference child { id givenName familyName } } }
    }
  }
`, [QueuedDisagreementFields]);
