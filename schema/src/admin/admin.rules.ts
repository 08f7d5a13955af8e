// Partnership administration. The partnership's organisations (names and agency types, nothing
// about anyone in them) are read by everyone in it: they pick the agencies to ask, to tell, to
// disagree with. The partnership administrator manages the working calendar, the RAG deadlines,
// the organisations (deactivated ones included) and the people (accounts, roles, deactivation) of
// their own partnership, and reads no child's record.
import type { RuleContext } from '../access/ability.ts';

export function defineAdminRules({ can, viewer }: RuleContext) {
  can('read', 'Organisation', { partnershipId: viewer.partnershipId, active: true });
  if (!viewer.roles.includes('PARTNERSHIP_ADMIN')) return;
  can('update', 'PartnershipSettings');
  can(['read', 'create', 'update'], 'Organisation', { partnershipId: viewer.partnershipId });
  can(['read', 'create', 'update'], 'User', { partnershipId: viewer.partnershipId });
}
