// What the web app offers a person, from their roles and agency. The API decides every request
// itself; these only keep screens a person cannot use out of their way (and explain refusals).
// They mirror schema/src/access/roleGroups.ts.
import type { Viewer } from '../auth/session.graphql.ts';

type Role = Viewer['roles'][number];
type AgencyType = Viewer['organisation']['agencyType'];

const RECORD_READERS: Record<AgencyType, readonly Role[]> = {
  SCHOOL: ['DSL', 'DEPUTY_DSL', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD'],
  POLICE: ['POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER'],
  HEALTH: ['HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'],
  SOCIAL_CARE: ['SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'],
  EARLY_HELP: ['EARLY_HELP_PRACTITIONER'],
  PARTNERSHIP: [],
  OTHER: [],
};
const CONCERN_RAISERS: readonly Role[] = [...Object.values(RECORD_READERS).flat(), 'SCHOOL_STAFF'];
const FRONT_DOOR_DECIDERS: readonly Role[] = ['SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'];
const BREAK_GLASS: readonly Role[] = [
  'DSL', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE',
  'DESIGNATED_DOCTOR', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE',
];
const CHILD_RESTRICTORS: readonly Role[] = ['TEAM_MANAGER', 'HEAD_OF_SERVICE'];

const hasAny = (viewer: Viewer, roles: readonly Role[]) => viewer.roles.some((r) => roles.includes(r));

const decidesReferrals = (v: Viewer) => v.organisation.agencyType === 'SOCIAL_CARE' && hasAny(v, FRONT_DOOR_DECIDERS);

export const can = {
  /** Find children and read their records: the agencies' record readers. */
  findChildren: (v: Viewer) => hasAny(v, CONCERN_RAISERS),
  readRecords: (v: Viewer) => hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  raiseConcern: (v: Viewer) => hasAny(v, CONCERN_RAISERS),
  decideReferrals: decidesReferrals,
  /** Sharing decisions on their own organisation's records (the page of each record also asks the API). */
  shareRecords: (v: Viewer) => hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  raiseDisagreement: (v: Viewer) => hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  /** The MASH: social care's front door, and the police researcher beside it. */
  requestInformation: (v: Viewer) => decidesReferrals(v) || (v.organisation.agencyType === 'POLICE' && v.roles.includes('MASH_POLICE_RESEARCHER')),
  /** Operation Encompass: police record readers send; a school's DSLs (its record readers) read. */
  sendEncompass: (v: Viewer) => v.organisation.agencyType === 'POLICE' && hasAny(v, RECORD_READERS.POLICE),
  readEncompass: (v: Viewer) => (v.organisation.agencyType === 'POLICE' || v.organisation.agencyType === 'SCHOOL') && hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  /** The partnership's figures: its officers (mirrors figures.rules.ts). */
  readFigures: (v: Viewer) => hasAny(v, ['BUSINESS_MANAGER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'PARTNERSHIP_ADMIN']),
  /** Configuration and failed emails: the partnership administrator. */
  administer: (v: Viewer) => v.roles.includes('PARTNERSHIP_ADMIN'),
  /** Asked agencies answer through their record readers. */
  answerRequests: (v: Viewer) => hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  /** Access logs, emergency-access reviews, restrictions on any child: the IG lead (restrictions.rules.ts, audit.rules.ts). */
  governInformation: (v: Viewer) => v.roles.includes('IG_LEAD'),
  /** Emergency access to a restricted record (BREAK_GLASS in roleGroups.ts). */
  breakGlass: (v: Viewer) => hasAny(v, BREAK_GLASS),
  /** An entry: its organisation's record readers; a whole record: the IG lead or social care's managers. */
  restrictEntries: (v: Viewer) => hasAny(v, RECORD_READERS[v.organisation.agencyType]),
  restrictWholeRecord: (v: Viewer) => v.roles.includes('IG_LEAD') || (v.organisation.agencyType === 'SOCIAL_CARE' && hasAny(v, CHILD_RESTRICTORS)),
  restrict: (v: Viewer) => can.restrictEntries(v) || can.restrictWholeRecord(v),
};
