// Operation Encompass (docs/domain.md): the police tell a child's school about a domestic-abuse
// incident. Only police practitioners send; the police organisation that sent a notification
// reads it; at the school only its DSL group (record readers: DSL, deputy, headteacher, trust
// safeguarding lead) reads and acknowledges it. A school's staff member never sees one: schools
// must keep them confidential to the DSLs.
import type { RuleContext } from '../access/ability.ts';
import { RECORD_READERS, hasAny } from '../access/roleGroups.ts';

export function defineEncompassRules({ can, viewer }: RuleContext) {
  const { partnershipId, organisationId } = viewer;

  if (viewer.agencyType === 'POLICE' && hasAny(viewer.roles, RECORD_READERS.POLICE)) {
    can('create', 'EncompassNotification', { partnershipId, policeOrganisationId: organisationId });
    can('read', 'EncompassNotification', { partnershipId, policeOrganisationId: organisationId });
  }
  if (viewer.agencyType === 'SCHOOL' && hasAny(viewer.roles, RECORD_READERS.SCHOOL)) {
    can('read', 'EncompassNotification', { partnershipId, schoolId: organisationId });
    // Acknowledging ("we have read it") is the only change a school makes to a notification.
    can('update', 'EncompassNotification', { partnershipId, schoolId: organisationId });
  }
}
