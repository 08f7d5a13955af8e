// The information-governance lead answers "who has seen this child's record" and "what has this
// user accessed" from the audit trail: ids and actions, never a child's details. To know whose log
// they are reading, they may identify a child (names and date of birth only, never the record)
// and read the partnership's list of people.
import type { RuleContext } from '../access/ability.ts';

export function defineAuditRules({ can, viewer }: RuleContext) {
  if (!viewer.roles.includes('IG_LEAD')) return;
  const partnershipId = viewer.partnershipId;
  can('read', 'AuditEvent', { partnershipId });
  can('identify', 'Child', { partnershipId });
  can('read', 'User', { partnershipId });
}
