// Every permission in Wraparound comes from here: one CASL ability per viewer, built from the
// viewer's attributes (partnership, organisation, agency type, roles) by each domain's rules.
// The same ability answers "may they do this to this record?" in memory and "which records may
// they see?" as a Prisma `where` (accessibleWhere), so a list can never show what a single read
// would refuse. Rules always begin with the viewer's partnership: nothing crosses tenants.
import { AbilityBuilder } from '@casl/ability';
import type { Context, Viewer } from '../context.ts';
import { defineAdminRules } from '../admin/admin.rules.ts';
import { defineAuditRules } from '../audit/audit.rules.ts';
import { defineChildRules } from '../children/children.rules.ts';
import { defineChronologyRules } from '../chronology/chronology.rules.ts';
import { defineDisagreementRules } from '../disagreements/disagreements.rules.ts';
import { defineEncompassRules } from '../encompass/encompass.rules.ts';
import { defineFiguresRules } from '../figures/figures.rules.ts';
import { defineLadderRules } from '../ladder/ladder.rules.ts';
import { defineNotificationRules } from '../notifications/notifications.rules.ts';
import { defineRequestRules } from '../requests/requests.rules.ts';
import { defineRestrictionRules } from '../restrictions/restrictions.rules.ts';
import { type AppAbility, createPrismaAbility } from './casl.ts';

export interface RuleContext {
  can: AbilityBuilder<AppAbility>['can'];
  cannot: AbilityBuilder<AppAbility>['cannot'];
  viewer: Viewer;
  now: Date;
  /** Leave out restrictions and break-glass grants: what the viewer's role would read without
   * them. Only to tell someone that a restriction hides something from them (restrictionNotice);
   * never to serve a record. */
  ignoringRestrictions: boolean;
}

export function defineAbilityFor(viewer: Viewer, now: Date, { ignoringRestrictions = false } = {}): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  const rules: RuleContext = { can: builder.can, cannot: builder.cannot, viewer, now, ignoringRestrictions };
  defineChildRules(rules);
  defineChronologyRules(rules);
  defineDisagreementRules(rules);
  defineAuditRules(rules);
  defineAdminRules(rules);
  defineRequestRules(rules);
  defineEncompassRules(rules);
  defineLadderRules(rules);
  defineRestrictionRules(rules);
  defineFiguresRules(rules);
  defineNotificationRules(rules);
  return builder.build();
}

const abilities = new WeakMap<Context, AppAbility>();

/** The signed-in viewer's ability, built once per request. */
export function abilityOf(ctx: Context): AppAbility {
  const viewer = ctx.viewer;
  if (!viewer) throw new Error('abilityOf needs a signed-in viewer');
  let ability = abilities.get(ctx);
  if (!ability) {
    ability = defineAbilityFor(viewer, ctx.now());
    abilities.set(ctx, ability);
  }
  return ability;
}
