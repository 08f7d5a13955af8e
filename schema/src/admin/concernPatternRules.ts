// The partnership's rules for joining the dots (concerns/joiningTheDots.ts): how many organisations,
// or how many concerns from anyone, within how many days, make a pattern, and who at the front door
// is told of it (only those who can see patterns). Read by everyone signed in; changed by the
// partnership administrator only. A change applies to concerns raised from then on.
import type { Role } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { FRONT_DOOR_DECIDERS } from '../access/roleGroups.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { roles } from './missedClockAlerts.ts';
import { RoleEnum } from './user.type.ts';

interface Rules {
  patternOrganisations: number;
  patternConcerns: number;
  patternWindowDays: number;
  patternAlertRoles: Role[];
}
const SELECT = { patternOrganisations: true, patternConcerns: true, patternWindowDays: true, patternAlertRoles: true } as const;

const RulesType = builder.objectRef<Rules>('ConcernPatternRules').implement({
  description: 'When concerns about one child make a pattern the front door is told of.',
  fields: (t) => ({
    organisations: t.exposeInt('patternOrganisations', { description: 'Concerns from this many organisations…' }),
    concerns: t.exposeInt('patternConcerns', { description: '…or this many concerns from anyone…' }),
    windowDays: t.exposeInt('patternWindowDays', { description: '…within this many days.' }),
    alertRoles: t.field({ type: [RoleEnum], description: 'Roles at the front door told of a pattern.', resolve: (r) => r.patternAlertRoles }),
    // Served here so the web app offers exactly what the update accepts.
    alertRoleChoices: t.field({ type: [RoleEnum], description: 'Roles that may be told: those at the front door who can see patterns.', resolve: () => [...FRONT_DOOR_DECIDERS] }),
  }),
});

builder.queryField('concernPatternRules', (t) =>
  t.field({ type: RulesType, resolve: (_root, _args, ctx) => ctx.db.partnership.findUniqueOrThrow({ where: { id: ctx.viewer!.partnershipId }, select: SELECT }) }),
);

const Input = builder.inputType('ConcernPatternRulesInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    organisations: t.int({ required: false }),
    concerns: t.int({ required: false }),
    windowDays: t.int({ required: false }),
    alertRoles: t.field({ type: [RoleEnum], required: false }),
  }),
});

const Schema = z.object({
  organisations: z.number().int().min(2, 'A pattern needs at least 2 organisations').max(10, 'Give at most 10 organisations').nullish(),
  concerns: z.number().int().min(2, 'A pattern needs at least 2 concerns').max(50, 'Give at most 50 concerns').nullish(),
  windowDays: z.number().int().min(1, 'Give at least 1 day').max(365, 'Give at most 365 days').nullish(),
  alertRoles: roles(FRONT_DOOR_DECIDERS, 'the front door').nullish(),
});

builder.mutationField('concernPatternRulesUpdate', (t) =>
  t.field({
    type: RulesType,
    description: 'Change when concerns about a child make a pattern. Partnership administrator only.',
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'ConcernPatternRulesUpdateResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('update', 'PartnershipSettings')) throw new NotAuthorisedError('Only the partnership administrator changes when concerns make a pattern');
      const parsed = parseInput(Schema, input);
      const data = {
        ...(parsed.organisations != null ? { patternOrganisations: parsed.organisations } : {}),
        ...(parsed.concerns != null ? { patternConcerns: parsed.concerns } : {}),
        ...(parsed.windowDays != null ? { patternWindowDays: parsed.windowDays } : {}),
        ...(parsed.alertRoles != null ? { patternAlertRoles: parsed.alertRoles as Role[] } : {}),
      };
      return ctx.db.$transaction(async (tx) => {
        const saved = await tx.partnership.update({ where: { id: viewer.partnershipId }, data, select: SELECT });
        await recordAudit(tx, ctx, { action: 'concern_pattern_rules.update', detail: data });
        return saved;
      });
    },
  }),
);
