// Who may ask agencies what they hold on a child (docs/domain.md, "Information sharing"), who sees
// what was asked and answered, and who answers.
//
// - Children's social care's front door (its deciders) and the MASH police researcher ask, on
//   behalf of their organisation, and read every request their organisation made with every
//   agency's answer.
// - An asked organisation's record readers (a school's DSLs, not its staff members; a police,
//   health or social care organisation's practitioners) read the request and their own
//   organisation's row of it, and answer. They never see another agency's row: each answer goes
//   to the requester only.
import type { RuleContext } from '../access/ability.ts';
import { FRONT_DOOR_DECIDERS, RECORD_READERS, hasAny } from '../access/roleGroups.ts';
import type { Viewer } from '../context.ts';

/** The MASH researchers: social care's front door, and the police researcher who sits beside it. */
export function mayRequestInformation(viewer: Pick<Viewer, 'agencyType' | 'roles'>): boolean {
  return (
    (viewer.agencyType === 'SOCIAL_CARE' && hasAny(viewer.roles, FRONT_DOOR_DECIDERS)) ||
    (viewer.agencyType === 'POLICE' && viewer.roles.includes('MASH_POLICE_RESEARCHER'))
  );
}

export function defineRequestRules({ can, viewer }: RuleContext) {
  const { partnershipId, organisationId } = viewer;

  if (mayRequestInformation(viewer)) {
    can('create', 'InformationRequest', { partnershipId, requestingOrganisationId: organisationId });
    can('read', 'InformationRequest', { partnershipId, requestingOrganisationId: organisationId });
    can('read', 'InformationRequestRecipient', { partnershipId, request: { is: { requestingOrganisationId: organisationId } } });
  }
  if (hasAny(viewer.roles, RECORD_READERS[viewer.agencyType])) {
    can('read', 'InformationRequest', { partnershipId, recipients: { some: { organisationId } } });
    can('read', 'InformationRequestRecipient', { partnershipId, organisationId });
    can('respond', 'InformationRequestRecipient', { partnershipId, organisationId });
  }
}
