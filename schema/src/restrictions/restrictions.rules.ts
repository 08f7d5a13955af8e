// Who may restrict records, lift restrictions, break the glass and review emergency access.
// (Who may READ a restricted entry or child, and what a live break-glass grant opens, is decided
// by chronology.rules.ts and children.rules.ts; this file only governs the operations that create
// restrictions and grants.)
//
//   - An entry is restricted by whoever may make sharing decisions about it: its holding
//     organisation's record readers (the chronology 'share' rule, used as is by the mutation).
//   - A whole child's record is restricted by the information-governance lead, or by children's
//     social care's team managers and heads of service.
//   - People are looked up by name, to be named on a restriction, by whoever may restrict.
//   - A restriction is listed to its members and the IG lead, and lifted by a member who could
//     have created it (the mutation adds "could have created it" from the two rules above).
//   - The glass may be broken by the BREAK_GLASS roles on any child of the partnership: the point
//     is to reach a record they cannot otherwise see. Grants are listed and reviewed by the IG lead.
import type { RuleContext } from '../access/ability.ts';
import { BREAK_GLASS, CHILD_RESTRICTORS, RECORD_READERS, hasAny } from '../access/roleGroups.ts';
import { restrictionExcluding } from '../chronology/chronology.rules.ts';

export function defineRestrictionRules({ can, cannot, viewer }: RuleContext) {
  const partnershipId = viewer.partnershipId;
  const isIgLead = viewer.roles.includes('IG_LEAD');

  // Everyone else is refused explicitly, not just left without a rule, so that no broader grant
  // defined elsewhere can let someone restrict a child or break the glass.
  if (isIgLead || (viewer.agencyType === 'SOCIAL_CARE' && hasAny(viewer.roles, CHILD_RESTRICTORS))) {
    can('restrict', 'Child', { partnershipId });
    // A child already restricted to others is, to this viewer, a child that does not exist.
    cannot('restrict', 'Child', { restrictions: { some: restrictionExcluding(viewer.userId) } });
  } else {
    cannot('restrict', 'Child');
  }

  // Whoever may restrict something (an entry: its organisation's record readers; a child: the IG
  // lead or social care's managers, who are record readers too) may look up the partnership's
  // active people by name, to name them on it.
  if (isIgLead || hasAny(viewer.roles, RECORD_READERS[viewer.agencyType])) {
    can('name', 'User', { partnershipId, active: true });
  }

  can('read', 'Restriction', { partnershipId, members: { some: { userId: viewer.userId } } });
  if (isIgLead) can('read', 'Restriction', { partnershipId });
  can('lift', 'Restriction', { partnershipId, members: { some: { userId: viewer.userId } } });

  if (hasAny(viewer.roles, BREAK_GLASS)) can('breakGlass', 'Child', { partnershipId });
  else cannot('breakGlass', 'Child');
  if (isIgLead) {
    can('read', 'BreakGlassGrant', { partnershipId });
    can('review', 'BreakGlassGrant', { partnershipId });
  }
}
