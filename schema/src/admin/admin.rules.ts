// Partnership administration: the partnership administrator manages the working calendar and the
// people (accounts, roles, deactivation) of their own partnership, and reads no child's record.
import type { RuleContext } from '../access/ability.ts';

export function defineAdminRules({ can, viewer }: RuleContext) {
  if (!viewer.roles.includes('PARTNERSHIP_ADMIN')) return;
  can('update', 'PartnershipSettings');
  can(['read', 'create', 'update'], 'User', { partnershipId: viewer.partnershipId });
}
