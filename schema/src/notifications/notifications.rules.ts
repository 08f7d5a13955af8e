// Notifications: everyone reads and marks their own in-app feed, and nobody else's. The partnership
// administrator sees the emails that could not be delivered in their partnership (who, what kind,
// why: never a child's details, which no notification holds) and can send them again.
import type { RuleContext } from '../access/ability.ts';

export function defineNotificationRules({ can, viewer }: RuleContext) {
  can(['read', 'update'], 'Notification', { recipientUserId: viewer.userId, channel: 'IN_APP' });
  if (viewer.roles.includes('PARTNERSHIP_ADMIN')) {
    can(['read', 'retry'], 'Notification', { partnershipId: viewer.partnershipId, channel: 'EMAIL', status: 'FAILED' });
  }
}
