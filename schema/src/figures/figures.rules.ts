// Who may read the figures a partnership watches (docs/domain.md, "Figures a partnership watches"):
// the partnership's own officers, who own its procedures and watch how they work (the business
// manager, the delegated safeguarding partners, the independent scrutineer), and its
// administrator. Nobody else: not a DSL, not the front door, not the information-governance lead.
//
// 'PartnershipFigures' is a plain subject with no record behind it. The figures are counts and
// durations only, and they are always computed for the viewer's own partnership (see
// figures.queries.ts), so another partnership's records never count.
import type { Role } from '@wraparound/prisma';
import type { RuleContext } from '../access/ability.ts';
import { hasAny } from '../access/roleGroups.ts';

export const FIGURES_READERS: ReadonlySet<Role> = new Set<Role>([
  'BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'PARTNERSHIP_ADMIN',
]);

export function defineFiguresRules({ can, viewer }: RuleContext) {
  if (hasAny(viewer.roles, FIGURES_READERS)) can('read', 'PartnershipFigures');
}
