// Groups of roles the access rules speak of. docs/domain.md: a school's staff member raises concerns
// but reads only their own; its DSLs read all of the school's; administrators manage people and
// read no child's record.
import type { AgencyType, Role } from '@wraparound/prisma';

const set = (...roles: Role[]) => new Set<Role>(roles);

/** Who reads everything their own organisation has recorded, by agency type. */
export const RECORD_READERS: Readonly<Record<AgencyType, ReadonlySet<Role>>> = {
  SCHOOL: set('DSL', 'DEPUTY_DSL', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD'),
  POLICE: set('POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER'),
  HEALTH: set('HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR'),
  SOCIAL_CARE: set('SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE'),
  EARLY_HELP: set('EARLY_HELP_PRACTITIONER'),
  PARTNERSHIP: set(),
  OTHER: set(),
};

/** Who may raise a concern: every practitioner, including a school's staff member. */
export const CONCERN_RAISERS = set(
  'DSL', 'DEPUTY_DSL', 'SCHOOL_STAFF', 'HEADTEACHER', 'TRUST_SAFEGUARDING_LEAD',
  'POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'MASH_POLICE_RESEARCHER',
  'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE', 'DESIGNATED_DOCTOR',
  'SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE',
  'EARLY_HELP_PRACTITIONER',
);

/** Children's social care's front door (and the MASH police researcher beside it): they may look
 * up any child in the partnership, because every referral arrives there. */
export const FRONT_DOOR = set('SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE', 'MASH_POLICE_RESEARCHER');

/** Who decides the response to a referral: social care's front door only. */
export const FRONT_DOOR_DECIDERS = set('SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE');

/** Who may record a new child. */
export const CHILD_REGISTRARS = set(
  'DSL', 'DEPUTY_DSL',
  'SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE',
  'POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'MASH_POLICE_RESEARCHER',
  'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE',
  'EARLY_HELP_PRACTITIONER',
);

/** Statuses (CP plan, child in need, looked after) are for those who read records, not staff
 * members who only raise concerns. */
export const STATUS_READERS = new Set<Role>([...Object.values(RECORD_READERS).flatMap((s) => [...s])]);

/** Emergency access to a child's record, with a reason: safeguarding leads and managers. */
export const BREAK_GLASS = set(
  'DSL', 'DETECTIVE_SERGEANT', 'DETECTIVE_INSPECTOR', 'NAMED_NURSE', 'NAMED_DOCTOR', 'DESIGNATED_NURSE',
  'DESIGNATED_DOCTOR', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE',
);

/** Social care managers who may restrict a whole child's record (the IG lead may too, whatever
 * their agency). An entry is restricted by whoever may share it. */
export const CHILD_RESTRICTORS = set('TEAM_MANAGER', 'HEAD_OF_SERVICE');

export function hasAny(roles: readonly Role[], group: ReadonlySet<Role>) {
  return roles.some((r) => group.has(r));
}
