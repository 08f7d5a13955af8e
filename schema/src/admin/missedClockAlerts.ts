// Who is told when a clock is missed, and after how long the next people are: partnership
// configuration (deadlines/missedClocks.ts acts on it). Read by everyone signed in, like the
// calendar it counts on; changed by the partnership administrator only. Only roles that can open
// the record are accepted, so nobody is ever alerted about a record they cannot read.
import type { Role } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { FRONT_DOOR_DECIDERS, RECORD_READERS } from '../access/roleGroups.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { parseInput } from '../common/validation.ts';
import { RoleEnum } from './user.type.ts';

interface MissedClockAlerts {
  referralOverdueRoles: Role[];
  referralSeniorRoles: Role[];
  referralSeniorAfterWorkingHours: number;
  encompassOverdueRoles: Role[];
  encompassSeniorRoles: Role[];
  encompassSeniorAfterWorkingHours: number;
}

const FIELDS = [
  'referralOverdueRoles', 'referralSeniorRoles', 'referralSeniorAfterWorkingHours',
  'encompassOverdueRoles', 'encompassSeniorRoles', 'encompassSeniorAfterWorkingHours',
] as const satisfies readonly (keyof MissedClockAlerts)[];

const MissedClockAlertsType = builder.objectRef<MissedClockAlerts>('MissedClockAlerts').implement({
  description: 'Who is told when a referral passes its decision time undecided, or an Operation Encompass notification is not acknowledged by the start of the school day.',
  fields: (t) => ({
    referralOverdueRoles: t.field({ type: [RoleEnum], description: 'Roles at the front door told at once when a referral passes its decision time undecided.', resolve: (a) => a.referralOverdueRoles }),
    referralSeniorRoles: t.field({ type: [RoleEnum], description: 'Roles at the front door told if it is still undecided after referralSeniorAfterWorkingHours.', resolve: (a) => a.referralSeniorRoles }),
    referralSeniorAfterWorkingHours: t.exposeInt('referralSeniorAfterWorkingHours', { description: 'Office hours after the decision time.' }),
    encompassOverdueRoles: t.field({ type: [RoleEnum], description: 'Roles at the school told at once when a notification is not acknowledged by the start of the school day.', resolve: (a) => a.encompassOverdueRoles }),
    encompassSeniorRoles: t.field({ type: [RoleEnum], description: 'Roles at the police organisation that sent it (its Operation Encompass lead: the detective inspector by default), told if it is still unacknowledged after encompassSeniorAfterWorkingHours.', resolve: (a) => a.encompassSeniorRoles }),
    encompassSeniorAfterWorkingHours: t.exposeInt('encompassSeniorAfterWorkingHours', { description: 'Office hours after the start of the school day.' }),
    // The choices, served here so the web app offers exactly what the update accepts.
    referralRoleChoices: t.field({ type: [RoleEnum], description: 'Roles that may be told of a referral: those at the front door who can open it.', resolve: () => [...FRONT_DOOR_DECIDERS] }),
    encompassSchoolRoleChoices: t.field({ type: [RoleEnum], description: 'Roles at a school that can open an Encompass notification.', resolve: () => [...RECORD_READERS.SCHOOL] }),
    encompassPoliceRoleChoices: t.field({ type: [RoleEnum], description: 'Roles at a police organisation that can open a notification it sent.', resolve: () => [...RECORD_READERS.POLICE] }),
  }),
});

async function load(db: Parameters<typeof recordAudit>[0], partnershipId: string): Promise<MissedClockAlerts> {
  const p = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: Object.fromEntries(FIELDS.map((f) => [f, true])) });
  return p as unknown as MissedClockAlerts;
}

builder.queryField('missedClockAlerts', (t) =>
  t.field({ type: MissedClockAlertsType, resolve: (_root, _args, ctx) => load(ctx.db, ctx.viewer!.partnershipId) }),
);

const Input = builder.inputType('MissedClockAlertsInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    referralOverdueRoles: t.field({ type: [RoleEnum], required: false }),
    referralSeniorRoles: t.field({ type: [RoleEnum], required: false }),
    referralSeniorAfterWorkingHours: t.int({ required: false }),
    encompassOverdueRoles: t.field({ type: [RoleEnum], required: false }),
    encompassSeniorRoles: t.field({ type: [RoleEnum], required: false }),
    encompassSeniorAfterWorkingHours: t.int({ required: false }),
  }),
});

const label = (role: string) => role.toLowerCase().replaceAll('_', ' ');

/** At least one role, each one of `allowed` (those who can open the record), none twice. */
export function roles(allowed: ReadonlySet<Role>, who: string) {
  return z
    .array(z.string())
    .min(1, `Choose at least one role to tell at ${who}`)
    .max(allowed.size)
    .refine((rs) => new Set(rs).size === rs.length, 'Choose each role once')
    .superRefine((rs, ctx) => {
      const wrong = rs.filter((r) => !allowed.has(r as Role));
      if (wrong.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Only roles that can open the record can be told: ${wrong.map(label).join(', ')} cannot (choose from ${[...allowed].map(label).join(', ')})`,
        });
      }
    });
}

const HOURS = z.number().int().min(1, 'Give at least 1 office hour').max(80, 'Give at most 80 office hours (ten working days)');

const Rules = z.object({
  referralOverdueRoles: roles(FRONT_DOOR_DECIDERS, 'the front door').nullish(),
  referralSeniorRoles: roles(FRONT_DOOR_DECIDERS, 'the front door').nullish(),
  referralSeniorAfterWorkingHours: HOURS.nullish(),
  encompassOverdueRoles: roles(RECORD_READERS.SCHOOL, 'the school').nullish(),
  encompassSeniorRoles: roles(RECORD_READERS.POLICE, 'the police organisation').nullish(),
  encompassSeniorAfterWorkingHours: HOURS.nullish(),
});

builder.mutationField('missedClockAlertsUpdate', (t) =>
  t.field({
    type: MissedClockAlertsType,
    description: 'Change who is told of missed clocks, and when. Partnership administrator only.',
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'MissedClockAlertsUpdateResult' } },
    args: { input: t.arg({ type: Input }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('update', 'PartnershipSettings')) throw new NotAuthorisedError('Only the partnership administrator changes who is told of missed deadlines');
      const parsed = parseInput(Rules, input);
      const data = Object.fromEntries(FIELDS.flatMap((f) => (parsed[f] == null ? [] : [[f, parsed[f]]])));
      await ctx.db.$transaction(async (tx) => {
        await tx.partnership.update({ where: { id: viewer.partnershipId }, data });
        await recordAudit(tx, ctx, { action: 'missed_clock_alerts.update', detail: data });
      });
      return load(ctx.db, viewer.partnershipId);
    },
  }),
);
