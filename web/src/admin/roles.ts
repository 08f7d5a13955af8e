// Which roles fit which kind of agency, so the form offers only those; the API checks again.
// Mirrors schema/src/admin/roles.ts.
import type { Viewer } from '../auth/session.graphql.ts';

type Role = Viewer['roles'][number];
type AgencyType = Viewer['organisation']['agencyType'];

const ANY_AGENCY: readonly Role[] = ['PARTNERSHIP_ADMIN', 'IG_LEAD'];
const ROLES_BY_AGENCY: Readonly<Record<AgencyType, readonly Role[]>> = {
  SCHOOL: ['DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD'],
  POLICE: ['POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER'],
  HEALTH: ['HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'],
  SOCIAL_CARE: ['SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'],
  EARLY_HELP: ['EARLY_HELP_PRACTITIONER'],
  PARTNERSHIP: ['BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER'],
  OTHER: [],
};

export const rolesFor = (agencyType: AgencyType): readonly Role[] => [...ROLES_BY_AGENCY[agencyType], ...ANY_AGENCY];

export const ROLE_LABELS: Record<Role, string> = {
  BUSINESS_MANAGER: 'Business manager', DELEGATED_SAFEGUARDING_PARTNER: 'Delegated safeguarding partner', DEPUTY_DSL: 'Deputy designated safeguarding lead',
  DESIGNATED_DOCTOR: 'Designated doctor', DESIGNATED_NURSE: 'Designated nurse', DETECTIVE_INSPECTOR: 'Detective inspector',
  DETECTIVE_SERGEANT: 'Detective sergeant', DSL: 'Designated safeguarding lead', EARLY_HELP_PRACTITIONER: 'Early help practitioner', GP: 'GP',
  HEADTEACHER: 'Headteacher', HEAD_OF_SERVICE: 'Head of service', HEALTH_VISITOR: 'Health visitor', IG_LEAD: 'Information governance lead',
  INDEPENDENT_SCRUTINEER: 'Independent scrutineer', MASH_MANAGER: 'MASH manager', MASH_POLICE_RESEARCHER: 'MASH police researcher',
  MASH_WORKER: 'MASH worker', NAMED_DOCTOR: 'Named doctor', NAMED_NURSE: 'Named nurse', PARTNERSHIP_ADMIN: 'Partnership administrator',
  POLICE_OFFICER: 'Police officer', SCHOOL_NURSE: 'School nurse', SCHOOL_STAFF: 'School staff', SOCIAL_WORKER: 'Social worker',
  TEAM_MANAGER: 'Team manager', TRUST_SAFEGUARDING_LEAD: 'Trust safeguarding lead',
};

/** Who may act for an agency on the ladder (the raiser's or the other's): its practitioners and managers. */
export const AGENCY_ACTOR_ROLES: readonly Role[] = (['SCHOOL', 'POLICE', 'HEALTH', 'SOCIAL_CARE', 'EARLY_HELP'] as const)
  .flatMap((agency) => ROLES_BY_AGENCY[agency]);
/** Who may act for the partnership on the ladder: its own officers. */
export const PARTNERSHIP_ACTOR_ROLES: readonly Role[] = ROLES_BY_AGENCY.PARTNERSHIP;
