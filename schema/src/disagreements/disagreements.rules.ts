// Who may see a professional disagreement. Acting on it (responding, escalating, resolving) also
// depends on the stage it has reached: see actors.ts.
//
// Visible to: the raiser; the record readers of the raising and of the responding organisation
// (practitioners and their managers, who act at the early stages); the person it is addressed
// to; and the partnership's own officers (business manager, delegated safeguarding partners,
// the independent scrutineer), who own the procedure and act at its last stage.
import type { RuleContext } from '../access/ability.ts';
import { RECORD_READERS, hasAny } from '../access/roleGroups.ts';

export const PARTNERSHIP_OFFICERS = new Set(['BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER'] as const);

export function defineDisagreementRules({ can, viewer }: RuleContext) {
  const partnershipId = viewer.partnershipId;
  can('read', 'Disagreement', { partnershipId, raisedById: viewer.userId });
  can('read', 'Disagreement', { partnershipId, respondingUserId: viewer.userId });
  if (hasAny(viewer.roles, RECORD_READERS[viewer.agencyType])) {
    can('create', 'Disagreement', { partnershipId });
    can('read', 'Disagreement', { partnershipId, raisingOrganisationId: viewer.organisationId });
    can('read', 'Disagreement', { partnershipId, respondingOrganisationId: viewer.organisationId });
  }
  if (viewer.roles.some((r) => PARTNERSHIP_OFFICERS.has(r as never))) can('read', 'Disagreement', { partnershipId });
}
