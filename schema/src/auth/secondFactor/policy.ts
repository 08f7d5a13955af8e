// Who must give a code from an authenticator app after their password. docs/domain.md: the
// partnership's own team, its administrators and IG leads read no child's record; everyone else
// can read some (their own concerns, their school's pupils, what is shared with them), and the
// partnership's policy (on unless its administrator turns it off) asks them for a second factor.
import type { AgencyType, Role } from '@wraparound/prisma';

/** Roles that read no child's record. */
const NO_CHILD_RECORD = new Set<Role>([
  'PARTNERSHIP_ADMIN', 'IG_LEAD', 'BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER',
]);

/** Whether a person with these roles, in this kind of organisation, can read a child's record. */
export function readsChildRecords(roles: readonly Role[], agencyType: AgencyType): boolean {
  // A school's people know its pupils whatever their role (children.rules.ts).
  return agencyType === 'SCHOOL' || roles.some((role) => !NO_CHILD_RECORD.has(role));
}

export function secondFactorRequired(
  user: { roles: readonly Role[] },
  organisation: { agencyType: AgencyType },
  partnership: { secondFactorRequired: boolean },
): boolean {
  return partnership.secondFactorRequired && readsChildRecords(user.roles, organisation.agencyType);
}
