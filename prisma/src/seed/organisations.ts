// The demo partnership's agencies and people, and the small second tenant tests use.
//
// Every user's email is `<role words>@<organisation slug>.<partnership code>.example`, where the
// role words are the role in lower case with dots for underscores (DEPUTY_DSL -> deputy.dsl).
// The Northmoor demo (seedDemo) creates exactly these 32 users, one role each:
//
//   dsl@oakfield-primary.northmoor.example                         DSL
//   deputy.dsl@oakfield-primary.northmoor.example                  DEPUTY_DSL
//   school.staff@oakfield-primary.northmoor.example                SCHOOL_STAFF
//   headteacher@oakfield-primary.northmoor.example                 HEADTEACHER
//   dsl@st-aidans-primary.northmoor.example                        DSL
//   dsl@northmoor-academy.northmoor.example                        DSL
//   trust.safeguarding.lead@northmoor-academy.northmoor.example    TRUST_SAFEGUARDING_LEAD
//   dsl@ravensdale-high.northmoor.example                          DSL
//   dsl@northmoor-college.northmoor.example                        DSL
//   dsl@little-acorns-nursery.northmoor.example                    DSL
//   police.officer@public-protection.northmoor.example             POLICE_OFFICER
//   detective.sergeant@public-protection.northmoor.example         DETECTIVE_SERGEANT
//   detective.inspector@public-protection.northmoor.example        DETECTIVE_INSPECTOR
//   mash.police.researcher@mash-police.northmoor.example           MASH_POLICE_RESEARCHER
//   health.visitor@community-health.northmoor.example              HEALTH_VISITOR
//   school.nurse@community-health.northmoor.example                SCHOOL_NURSE
//   gp@moorside-surgery.northmoor.example                          GP
//   named.nurse@hospitals.northmoor.example                        NAMED_NURSE
//   named.doctor@hospitals.northmoor.example                       NAMED_DOCTOR
//   designated.nurse@icb.northmoor.example                         DESIGNATED_NURSE
//   designated.doctor@icb.northmoor.example                        DESIGNATED_DOCTOR
//   social.worker@childrens-services.northmoor.example             SOCIAL_WORKER
//   mash.worker@childrens-services.northmoor.example               MASH_WORKER
//   team.manager@childrens-services.northmoor.example              TEAM_MANAGER
//   mash.manager@childrens-services.northmoor.example              MASH_MANAGER
//   head.of.service@childrens-services.northmoor.example           HEAD_OF_SERVICE
//   early.help.practitioner@early-help.northmoor.example           EARLY_HELP_PRACTITIONER
//   business.manager@partnership.northmoor.example                 BUSINESS_MANAGER
//   delegated.safeguarding.partner@partnership.northmoor.example   DELEGATED_SAFEGUARDING_PARTNER
//   independent.scrutineer@partnership.northmoor.example           INDEPENDENT_SCRUTINEER
//   partnership.admin@partnership.northmoor.example                PARTNERSHIP_ADMIN
//   ig.lead@partnership.northmoor.example                          IG_LEAD
//
// The second tenant (seedOtherPartnership, code "otherby") has three:
//
//   dsl@otherby-primary.otherby.example                            DSL
//   social.worker@childrens-services.otherby.example               SOCIAL_WORKER
//   police.officer@police.otherby.example                          POLICE_OFFICER
import type { AgencyType, Role } from '../generated/client/client.ts';

export type SchoolPhase = 'primary' | 'secondary' | 'college' | 'early-years';

export interface OrganisationSpec {
  /** Also the key users refer to. */
  slug: string;
  name: string;
  agencyType: AgencyType;
  externalCode?: string;
  leadPartner?: boolean;
  /** Schools only. */
  phase?: SchoolPhase;
  /** Schools only: the DfE establishment number used in the UPNs it allocates. */
  establishment?: string;
}

export interface UserSpec {
  org: string;
  role: Role;
  displayName: string;
  jobTitle: string;
}

export interface TenantSpec {
  code: string;
  name: string;
  /** Local-authority code used in UPNs. */
  laCode: string;
  organisations: OrganisationSpec[];
  users: UserSpec[];
}

export function emailFor(tenant: Pick<TenantSpec, 'code'>, user: Pick<UserSpec, 'org' | 'role'>): string {
  return `${user.role.toLowerCase().replace(/_/g, '.')}@${user.org}.${tenant.code}.example`;
}

export const NORTHMOOR: TenantSpec = {
  code: 'northmoor',
  name: 'Northmoor Safeguarding Children Partnership',
  laCode: '936',
  organisations: [
    // Schools, colleges and early years (URNs are six digits).
    { slug: 'oakfield-primary', name: 'Oakfield Primary School', agencyType: 'SCHOOL', externalCode: '117342', phase: 'primary', establishment: '2014' },
    { slug: 'st-aidans-primary', name: "St Aidan's CofE Primary School", agencyType: 'SCHOOL', externalCode: '121556', phase: 'primary', establishment: '3308' },
    { slug: 'northmoor-academy', name: 'Northmoor Academy', agencyType: 'SCHOOL', externalCode: '143870', phase: 'secondary', establishment: '4003' },
    { slug: 'ravensdale-high', name: 'Ravensdale High School', agencyType: 'SCHOOL', externalCode: '121702', phase: 'secondary', establishment: '4127' },
    { slug: 'northmoor-college', name: 'Northmoor College', agencyType: 'SCHOOL', externalCode: '130601', phase: 'college', establishment: '8600' },
    { slug: 'little-acorns-nursery', name: 'Little Acorns Nursery', agencyType: 'SCHOOL', externalCode: '265431', phase: 'early-years', establishment: '1002' },
    // Police.
    { slug: 'public-protection', name: 'Northmoor Police – Public Protection', agencyType: 'POLICE', leadPartner: true },
    { slug: 'mash-police', name: 'Northmoor Police – MASH Team', agencyType: 'POLICE' },
    // Health (fictional ODS-style codes).
    { slug: 'icb', name: 'NHS Northmoor Integrated Care Board – Designated Safeguarding Team', agencyType: 'HEALTH', externalCode: 'QZ9', leadPartner: true },
    { slug: 'community-health', name: 'Northmoor Community Health NHS Trust', agencyType: 'HEALTH', externalCode: 'RZ8' },
    { slug: 'moorside-surgery', name: 'Moorside Surgery', agencyType: 'HEALTH', externalCode: 'B99123' },
    { slug: 'hospitals', name: 'Northmoor Hospitals NHS Foundation Trust', agencyType: 'HEALTH', externalCode: 'RZ7' },
    // The local authority.
    { slug: 'childrens-services', name: "Northmoor County Council Children's Social Care", agencyType: 'SOCIAL_CARE', externalCode: '936', leadPartner: true },
    { slug: 'early-help', name: 'Northmoor Early Help Service', agencyType: 'EARLY_HELP' },
    // The partnership itself, and the voluntary sector.
    { slug: 'partnership', name: 'Northmoor Safeguarding Children Partnership – Business Unit', agencyType: 'PARTNERSHIP' },
    { slug: 'moorland-families', name: 'Moorland Families Trust', agencyType: 'OTHER', externalCode: '1098765' },
  ],
  users: [
    { org: 'oakfield-primary', role: 'DSL', displayName: 'Helen Marsh', jobTitle: 'Deputy Headteacher and Designated Safeguarding Lead' },
    { org: 'oakfield-primary', role: 'DEPUTY_DSL', displayName: 'Gareth Lloyd', jobTitle: 'Deputy Designated Safeguarding Lead' },
    { org: 'oakfield-primary', role: 'SCHOOL_STAFF', displayName: 'Amy Brennan', jobTitle: 'Year 4 Teacher' },
    { org: 'oakfield-primary', role: 'HEADTEACHER', displayName: 'Richard Okoye', jobTitle: 'Headteacher' },
    { org: 'st-aidans-primary', role: 'DSL', displayName: 'Joanne Whitaker', jobTitle: 'Designated Safeguarding Lead' },
    { org: 'northmoor-academy', role: 'DSL', displayName: 'Sanjay Mistry', jobTitle: 'Designated Safeguarding Lead' },
    { org: 'northmoor-academy', role: 'TRUST_SAFEGUARDING_LEAD', displayName: 'Caroline Ashworth', jobTitle: 'Safeguarding Lead, Moorland Learning Trust' },
    { org: 'ravensdale-high', role: 'DSL', displayName: 'Louise Greenwood', jobTitle: 'Designated Safeguarding Lead' },
    { org: 'northmoor-college', role: 'DSL', displayName: 'Martin Kaye', jobTitle: 'Head of Student Welfare and Designated Safeguarding Lead' },
    { org: 'little-acorns-nursery', role: 'DSL', displayName: 'Bethany Cole', jobTitle: 'Nursery Manager and Designated Safeguarding Lead' },
    { org: 'public-protection', role: 'POLICE_OFFICER', displayName: 'Daniel Hirst', jobTitle: 'Police Constable, Public Protection Unit' },
    { org: 'public-protection', role: 'DETECTIVE_SERGEANT', displayName: 'Claire Booth', jobTitle: 'Detective Sergeant, Child Abuse Investigation' },
    { org: 'public-protection', role: 'DETECTIVE_INSPECTOR', displayName: 'Mark Ellison', jobTitle: 'Detective Inspector, Public Protection' },
    { org: 'mash-police', role: 'MASH_POLICE_RESEARCHER', displayName: 'Priya Sharma', jobTitle: 'MASH Police Researcher' },
    { org: 'community-health', role: 'HEALTH_VISITOR', displayName: 'Rachel Dyson', jobTitle: 'Health Visitor' },
    { org: 'community-health', role: 'SCHOOL_NURSE', displayName: 'Karen Oldroyd', jobTitle: 'School Nurse' },
    { org: 'moorside-surgery', role: 'GP', displayName: 'Dr Aidan Quinn', jobTitle: 'GP Partner and Practice Safeguarding Lead' },
    { org: 'hospitals', role: 'NAMED_NURSE', displayName: 'Julie Barraclough', jobTitle: 'Named Nurse for Safeguarding Children' },
    { org: 'hospitals', role: 'NAMED_DOCTOR', displayName: 'Dr Nadia Rahman', jobTitle: 'Named Doctor for Safeguarding Children' },
    { org: 'icb', role: 'DESIGNATED_NURSE', displayName: 'Fiona Maguire', jobTitle: 'Designated Nurse, Safeguarding Children' },
    { org: 'icb', role: 'DESIGNATED_DOCTOR', displayName: 'Dr Peter Lindqvist', jobTitle: 'Designated Doctor, Safeguarding Children' },
    { org: 'childrens-services', role: 'SOCIAL_WORKER', displayName: 'Sarah Holt', jobTitle: 'Social Worker, Assessment Team' },
    { org: 'childrens-services', role: 'MASH_WORKER', displayName: 'Tom Ibbotson', jobTitle: 'MASH Social Worker' },
    { org: 'childrens-services', role: 'TEAM_MANAGER', displayName: 'Angela Firth', jobTitle: 'Team Manager, Assessment Team' },
    { org: 'childrens-services', role: 'MASH_MANAGER', displayName: 'Kevin Boyce', jobTitle: 'MASH Team Manager' },
    { org: 'childrens-services', role: 'HEAD_OF_SERVICE', displayName: 'Margaret Oyelaran', jobTitle: 'Head of Service, Children in Need and Protection' },
    { org: 'early-help', role: 'EARLY_HELP_PRACTITIONER', displayName: 'Leanne Crowther', jobTitle: 'Family Support Practitioner' },
    { org: 'partnership', role: 'BUSINESS_MANAGER', displayName: 'Simon Radcliffe', jobTitle: 'Partnership Business Manager' },
    { org: 'partnership', role: 'DELEGATED_SAFEGUARDING_PARTNER', displayName: 'Elaine Forsythe', jobTitle: 'Delegated Safeguarding Partner' },
    { org: 'partnership', role: 'INDEPENDENT_SCRUTINEER', displayName: 'Professor Jane Ashdown', jobTitle: 'Independent Scrutineer' },
    { org: 'partnership', role: 'PARTNERSHIP_ADMIN', displayName: 'Natalie Brook', jobTitle: 'Partnership Administrator' },
    { org: 'partnership', role: 'IG_LEAD', displayName: 'Graham Pickles', jobTitle: 'Information Governance Lead' },
  ],
};

export const OTHERBY: TenantSpec = {
  code: 'otherby',
  name: 'Otherby Safeguarding Children Partnership',
  laCode: '989',
  organisations: [
    { slug: 'otherby-primary', name: 'Otherby Primary School', agencyType: 'SCHOOL', externalCode: '198765', phase: 'primary', establishment: '2101' },
    { slug: 'childrens-services', name: "Otherby Borough Council Children's Social Care", agencyType: 'SOCIAL_CARE', externalCode: '989', leadPartner: true },
    { slug: 'police', name: 'Otherby Police', agencyType: 'POLICE', leadPartner: true },
  ],
  users: [
    { org: 'otherby-primary', role: 'DSL', displayName: 'Imogen Hale', jobTitle: 'Designated Safeguarding Lead' },
    { org: 'childrens-services', role: 'SOCIAL_WORKER', displayName: 'Owen Pritchard', jobTitle: 'Social Worker' },
    { org: 'police', role: 'POLICE_OFFICER', displayName: 'Grace Adebayo', jobTitle: 'Police Constable' },
  ],
};
