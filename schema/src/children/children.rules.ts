// Who may see a child's record (identity and, field by field, statuses) and record a new child.
//
// A child is visible to an organisation that knows them: their school's people, an
// organisation that recorded them or holds an entry about them, whoever an entry about them is
// shared with, a practitioner allocated to them, and the front door (social care's and the MASH
// police researcher's), where every referral arrives. A restricted child is visible only to the
// restriction's members, unless someone breaks the glass.
import type { RuleContext } from '../access/ability.ts';
import { CHILD_REGISTRARS, FRONT_DOOR, FRONT_DOOR_DECIDERS, RECORD_READERS, STATUS_READERS, hasAny } from '../access/roleGroups.ts';
import { liveShareTo, restrictionExcluding } from '../chronology/chronology.rules.ts';

export function defineChildRules(rules: RuleContext) {
  const { can, cannot, viewer, now } = rules;
  const partnershipId = viewer.partnershipId;
  const organisationId = viewer.organisationId;

  if (hasAny(viewer.roles, CHILD_REGISTRARS)) {
    can('create', 'Child', { partnershipId });
    // The partnership's child index: whoever may record a child may first find one the partnership
    // already knows (identity only, by exact identifiers), and record their agency's involvement.
    can('lookUp', 'Child', { partnershipId, mergedIntoId: null });
  }
  // Corrections: the organisation that recorded the child, and social care's front door.
  if (hasAny(viewer.roles, RECORD_READERS[viewer.agencyType])) can('update', 'Child', { partnershipId, createdByOrganisationId: organisationId });
  if (viewer.agencyType === 'SOCIAL_CARE' && hasAny(viewer.roles, FRONT_DOOR_DECIDERS)) {
    can('update', 'Child', { partnershipId });
    // Linking and merging records of the same child is social care's decision.
    can('link', 'Child', { partnershipId });
  }

  if (hasAny(viewer.roles, FRONT_DOOR)) {
    can('read', 'Child', { partnershipId });
  }
  // A school's people know its pupils: staff members pick them when they raise a concern.
  if (viewer.agencyType === 'SCHOOL') can('read', 'Child', { partnershipId, schoolId: organisationId });
  if (hasAny(viewer.roles, RECORD_READERS[viewer.agencyType])) {
    can('read', 'Child', { partnershipId, createdByOrganisationId: organisationId });
    can('read', 'Child', { partnershipId, entries: { some: { organisationId } } });
  }
  can('read', 'Child', { partnershipId, entries: { some: { authorId: viewer.userId } } });
  can('read', 'Child', { partnershipId, entries: { some: { shares: { some: liveShareTo(rules) } } } });
  can('read', 'Child', { partnershipId, assignments: { some: { userId: viewer.userId, endedAt: null } } });

  if (!rules.ignoringRestrictions) {
    cannot('read', 'Child', { restrictions: { some: restrictionExcluding(viewer.userId) } });
    cannot('update', 'Child', { restrictions: { some: restrictionExcluding(viewer.userId) } });
    cannot('link', 'Child', { restrictions: { some: restrictionExcluding(viewer.userId) } });
    cannot('lookUp', 'Child', { restrictions: { some: restrictionExcluding(viewer.userId) } });
    can('read', 'Child', {
      partnershipId,
      breakGlassGrants: { some: { userId: viewer.userId, expiresAt: { gt: now } } },
    });
  }

  // Field level: statuses only for those who read records. Last, so that no record-level rule
  // above (break-glass included) can open the field: CASL lets later rules win.
  if (!hasAny(viewer.roles, STATUS_READERS)) cannot('read', 'Child', 'statuses');
}
