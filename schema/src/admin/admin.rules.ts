// Partnership settings (the working calendar): changed by the partnership administrator only.
// The partnership's organisations (names and agency types, nothing about anyone in them) are
// read by everyone in it: they pick the agencies to ask, to tell, to disagree with.
import type { RuleContext } from '../access/ability.ts';

export function defineAdminRules({ can, viewer }: RuleContext) {
  can('read', 'Organisation', { partnershipId: viewer.partnershipId, active: true });
  if (viewer.roles.includes('PARTNERSHIP_ADMIN')) can('update', 'PartnershipSettings');
}
