// Partnership settings (the working calendar): changed by the partnership administrator only.
import type { RuleContext } from '../access/ability.ts';

export function defineAdminRules({ can, viewer }: RuleContext) {
  if (viewer.roles.includes('PARTNERSHIP_ADMIN')) can('update', 'PartnershipSettings');
}
