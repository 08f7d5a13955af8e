// Who may record a child. The full attribute-based rule set (CASL, per record) arrives with the
// concerns and sharing work; registering a child needs only the viewer's roles.
import type { Role } from '@wraparound/prisma';
import type { Viewer } from '../context.ts';

const REGISTER_CHILD: ReadonlySet<Role> = new Set<Role>([
  'DSL', 'DEPUTY_DSL',
  'SOCIAL_WORKER', 'MASH_WORKER', 'TEAM_MANAGER', 'MASH_MANAGER', 'HEAD_OF_SERVICE',
  'POLICE_OFFICER', 'DETECTIVE_SERGEANT', 'MASH_POLICE_RESEARCHER',
  'HEALTH_VISITOR', 'SCHOOL_NURSE', 'GP', 'NAMED_NURSE',
  'EARLY_HELP_PRACTITIONER',
]);

export function mayRegisterChild(viewer: Viewer): boolean {
  return viewer.roles.some((role) => REGISTER_CHILD.has(role));
}
