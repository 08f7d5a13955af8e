// Who may read and change the partnership's escalation ladder (docs/domain.md, "The escalation
// ladder").
//
//   - Everyone signed in to the partnership reads it: every professional needs to know the
//     procedure for challenging another agency's decision, and its time limits.
//   - The business manager, who owns the procedure, also reviews its earlier versions.
//   - Only the partnership's administrator changes it (saving a new version); CASL reads 'manage'
//     as every action, so the administrator reads and reviews it too.
// Another partnership's ladder is never reachable: every rule begins with the viewer's partnership.
import type { RuleContext } from '../access/ability.ts';

export function defineLadderRules({ can, viewer }: RuleContext) {
  const partnershipId = viewer.partnershipId;
  can('read', 'EscalationLadder', { partnershipId });
  if (viewer.roles.includes('BUSINESS_MANAGER')) can('review', 'EscalationLadder', { partnershipId });
  if (viewer.roles.includes('PARTNERSHIP_ADMIN')) can('manage', 'EscalationLadder', { partnershipId });
}
