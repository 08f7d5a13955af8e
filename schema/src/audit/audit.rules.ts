// The information-governance lead answers "who has seen this child's record" and "what has this
// user accessed" from the audit trail: ids and actions, never a child's details.
import type { RuleContext } from '../access/ability.ts';

export function defineAuditRules({ can, viewer }: RuleContext) {
  if (viewer.roles.includes('IG_LEAD')) can('read', 'AuditEvent', { partnershipId: viewer.partnershipId });
}
