// What makes a ladder configuration valid. GraphQL has already checked the shapes and that every
// role is a value of the Role enum; these rules check the sense of it, and report every problem
// at once with the path of its field (['stages', '1', 'limitAmount'], under 'input').
import { ClockKind, Role } from '@wraparound/prisma';
import { z } from 'zod';
import { ROLES_BY_AGENCY } from '../admin/roles.ts';

export const MAX_STAGES = 8;
export const MAX_REASON_CATEGORIES = 50;
export const MAX_GRACE_WORKING_DAYS = 10;
export const URGENT_LIMIT_HOURS = { min: 1, max: 72 } as const;
/** The longest time limit a stage may have, by clock: twelve weeks of working days, or 30 days of hours. */
export const LIMIT_MAXIMUM: Readonly<Record<ClockKind, number>> = { WORKING_DAYS: 60, WORKING_HOURS: 720, CALENDAR_HOURS: 720 };
export const DEFAULT_URGENT_LIMIT_HOURS = 4;
const REASON_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

const UNIT: Readonly<Record<ClockKind, string>> = { WORKING_DAYS: 'working days', WORKING_HOURS: 'working hours', CALENDAR_HOURS: 'hours' };

/** Who may act for an agency (the raiser's or the other): the practitioners and managers of a kind of agency. */
export const AGENCY_ROLES: ReadonlySet<Role> = new Set(
  (['SCHOOL', 'POLICE', 'HEALTH', 'SOCIAL_CARE', 'EARLY_HELP'] as const).flatMap((agency) => ROLES_BY_AGENCY[agency]),
);
/** Who may act for the partnership: its own officers (not its administrator or IG lead). */
export const PARTNERSHIP_ROLES: ReadonlySet<Role> = new Set(ROLES_BY_AGENCY.PARTNERSHIP);

const words = (role: Role) => role.toLowerCase().replaceAll('_', ' ');

/** Problems with a time limit, as messages (none if it is a whole number within the clock's range). */
export function limitProblem(amount: number, clock: ClockKind): string | null {
  if (!Number.isInteger(amount) || amount <= 0) return 'The time limit must be a whole number more than 0';
  if (amount > LIMIT_MAXIMUM[clock]) return `The time limit can be at most ${LIMIT_MAXIMUM[clock]} ${UNIT[clock]}`;
  return null;
}

const roles = z.array(z.enum(Role)).transform((list) => [...new Set(list)]);

const stage = z.object({
  label: z.string().trim().min(1, 'Give the stage a label').max(100, 'A stage label must be 100 characters or fewer'),
  description: z.string().trim().max(2_000, 'A stage description must be 2,000 characters or fewer').nullish(),
  raiserRoles: roles,
  responderRoles: roles,
  partnershipRoles: roles,
  limitAmount: z.number(),
  limitClock: z.enum(ClockKind),
  reminderPercents: z.array(
    z.number().int().min(1, "A reminder is at 1% to 99% of the stage's time").max(99, "A reminder is at 1% to 99% of the stage's time"),
  ),
  notifyNextOnExpiry: z.boolean(),
  escalateAfterGraceWorkingDays: z
    .number()
    .int()
    .min(0, 'The grace period cannot be negative')
    .max(MAX_GRACE_WORKING_DAYS, `The grace period can be at most ${MAX_GRACE_WORKING_DAYS} working days`)
    .nullish(),
  alertLeadPartnersOnExpiry: z.boolean(),
  notifyPartnershipOnEntry: z.boolean(),
});

const reasonCategory = z.object({
  code: z.string().trim().regex(REASON_CODE, 'A code is 2 to 40 capital letters, digits and underscores, starting with a letter'),
  label: z.string().trim().min(1, 'Give the category a label').max(200, 'A category label must be 200 characters or fewer'),
  excluded: z.boolean(),
  redirectTo: z.string().trim().max(500, 'Where to go instead must be 500 characters or fewer').nullish(),
});

export const ladderRules = z
  .object({
    name: z.string().trim().min(1, 'Give the procedure a name').max(200, 'The name must be 200 characters or fewer'),
    urgentPathEnabled: z.boolean(),
    urgentLimitHours: z.number().int().nullish(),
    stages: z
      .array(stage)
      .min(1, 'A ladder needs at least one stage')
      .max(MAX_STAGES, `A ladder has at most ${MAX_STAGES} stages`),
    reasonCategories: z
      .array(reasonCategory)
      .max(MAX_REASON_CATEGORIES, `A ladder has at most ${MAX_REASON_CATEGORIES} reason categories`),
  })
  .superRefine((ladder, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    // The urgent path: an hours clock for every stage.
    const hours = ladder.urgentLimitHours;
    if (hours == null) {
      if (ladder.urgentPathEnabled) problem(['urgentLimitHours'], 'Give the hours each stage of an urgent disagreement has');
    } else if (hours < URGENT_LIMIT_HOURS.min || hours > URGENT_LIMIT_HOURS.max) {
      problem(['urgentLimitHours'], `An urgent stage has between ${URGENT_LIMIT_HOURS.min} and ${URGENT_LIMIT_HOURS.max} hours`);
    }

    const last = ladder.stages.length - 1;
    const labels = new Set<string>();
    ladder.stages.forEach((s, i) => {
      const key = s.label.toLowerCase();
      if (key && labels.has(key)) problem(['stages', i, 'label'], `Another stage is already called "${s.label}"`);
      labels.add(key);

      const limit = limitProblem(s.limitAmount, s.limitClock);
      if (limit) problem(['stages', i, 'limitAmount'], limit);

      if (s.reminderPercents.some((p, j) => j > 0 && p <= s.reminderPercents[j - 1]!)) {
        problem(['stages', i, 'reminderPercents'], 'List the reminders in increasing order, each later than the one before');
      }

      // "Who acts at it": a stage nobody acts at could never be reached or left.
      if (s.raiserRoles.length + s.responderRoles.length + s.partnershipRoles.length === 0) {
        problem(['stages', i], "Say who acts at this stage: at least one role on the raiser's side, the other agency's side or the partnership's");
      }
      for (const side of ['raiserRoles', 'responderRoles'] as const) {
        const misfits = s[side].filter((r) => !AGENCY_ROLES.has(r));
        if (misfits.length) {
          problem(['stages', i, side], `Only an agency's practitioners and managers act for it, not: ${misfits.map(words).join(', ')}`);
        }
      }
      const misfits = s.partnershipRoles.filter((r) => !PARTNERSHIP_ROLES.has(r));
      if (misfits.length) {
        problem(
          ['stages', i, 'partnershipRoles'],
          `Only the partnership's officers (business manager, delegated safeguarding partner, independent scrutineer) act for it, not: ${misfits.map(words).join(', ')}`,
        );
      }

      if (i === last && s.escalateAfterGraceWorkingDays != null) {
        problem(['stages', i, 'escalateAfterGraceWorkingDays'], 'The final stage has nothing above it: leave its grace period empty');
      }
      if (i !== last && s.alertLeadPartnersOnExpiry) {
        problem(['stages', i, 'alertLeadPartnersOnExpiry'], "Only the final stage's expiry alerts the lead partners");
      }
    });

    if (!ladder.reasonCategories.some((c) => !c.excluded)) {
      problem(['reasonCategories'], 'Give at least one reason a disagreement may be raised on the ladder for (not excluded)');
    }
    const codes = new Set<string>();
    ladder.reasonCategories.forEach((c, i) => {
      if (codes.has(c.code)) problem(['reasonCategories', i, 'code'], `Another category already has the code ${c.code}`);
      codes.add(c.code);
      if (c.excluded && !c.redirectTo) problem(['reasonCategories', i, 'redirectTo'], 'Say where a disagreement of an excluded category goes instead');
      if (!c.excluded && c.redirectTo) problem(['reasonCategories', i, 'redirectTo'], 'Only an excluded category says where to go instead');
    });
  });

export type LadderConfiguration = z.output<typeof ladderRules>;
