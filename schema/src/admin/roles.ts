// Which roles fit which kind of agency (docs/domain.md, "Who works in it"). Account management checks
// a user's roles against their organisation with this; the partnership-wide roles (administrator,
// information-governance lead) fit any agency.
import type { AgencyType, Role } from '@wraparound/prisma';

const ANY_AGENCY: readonly Role[] = ['PARTNERSHIP_ADMIN', 'IG_LEAD'];

export const ROLES_BY_AGENCY: Readonly<Record<AgencyType, readonly Role[]>> = {
  SCHOOL: ['DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD'],
  POLICE: ['POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER'],
  HEALTH: ['HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'],
  SOCIAL_CARE: ['SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'],
  EARLY_HELP: ['EARLY_HELP_PRACTITIONER'],
  PARTNERSHIP: ['BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER'],
  OTHER: [],
};

export function roleFitsAgency(role: Role, agencyType: AgencyType): boolean {
  return ANY_AGENCY.includes(role) || ROLES_BY_AGENCY[agencyType].includes(role);
}
