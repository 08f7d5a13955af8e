// The partnership administrator changes the escalation ladder. A change is never made in place:
// saving writes a new version, current from now on, and the earlier versions (and every
// disagreement running on one of them) stay exactly as they were.
import { randomBytes } from 'node:crypto';
import { Prisma } from '@wraparound/prisma';
import { abilityOf } from '../access/ability.ts';
import { RoleEnum } from '../admin/user.type.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ClockKindEnum } from '../common/enums.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import { DEFAULT_URGENT_LIMIT_HOURS, ladderRules } from './ladderRules.ts';
import './ladder.type.ts';

const LadderStageInput = builder.inputType('LadderStageInput', {
  description: 'One stage, in the order of the list: the first stage first.',
  fields: (t) => ({
    label: t.string(),
    description: t.string({ required: false }),
    raiserRoles: t.field({ type: [RoleEnum], defaultValue: [], description: "Roles that act at this stage on the raiser's side." }),
    responderRoles: t.field({
      type: [RoleEnum],
      defaultValue: [],
      description: 'Roles that act at this stage on the side of the agency whose decision is challenged.',
    }),
    partnershipRoles: t.field({ type: [RoleEnum], defaultValue: [], description: 'Roles that act at this stage for the partnership.' }),
    limitAmount: t.int({ description: 'At most 60 working days, or 720 hours.' }),
    limitClock: t.field({ type: ClockKindEnum }),
    reminderPercents: t.intList({ defaultValue: [50, 80], description: "Reminders at these percentages of the stage's time, increasing." }),
    notifyNextOnExpiry: t.boolean({ defaultValue: true }),
    escalateAfterGraceWorkingDays: t.int({
      required: false,
      description: 'Move up this many working days (0 to 10) after expiry unless resolved; leave out to never move up by itself. Not on the final stage.',
    }),
    alertLeadPartnersOnExpiry: t.boolean({ defaultValue: false, description: 'Final stage only.' }),
    notifyPartnershipOnEntry: t.boolean({ defaultValue: false }),
  }),
});

const LadderReasonCategoryInput = builder.inputType('LadderReasonCategoryInput', {
  fields: (t) => ({
    code: t.string({ description: 'Capital letters, digits and underscores, e.g. THRESHOLD_NOT_MET.' }),
    label: t.string(),
    excluded: t.boolean({ defaultValue: false, description: 'Handled elsewhere, not on the ladder.' }),
    redirectTo: t.string({ required: false, description: 'Where to go instead: required for an excluded category.' }),
  }),
});

const EscalationLadderSaveInput = builder.inputType('EscalationLadderSaveInput', {
  description: 'The whole ladder, as the new version will be.',
  fields: (t) => ({
    name: t.string(),
    urgentPathEnabled: t.boolean(),
    urgentLimitHours: t.int({
      required: false,
      description: 'Hours (1 to 72) each stage of an urgent disagreement has: required when the urgent path is enabled.',
    }),
    stages: t.field({ type: [LadderStageInput] }),
    reasonCategories: t.field({ type: [LadderReasonCategoryInput] }),
  }),
});

const CONCURRENT_SAVE = 'Someone else saved the ladder at the same time: reload it';

builder.mutationField('escalationLadderSave', (t) =>
  t.field({
    type: successType('EscalationLadderSaveSuccess', 'ladder', 'EscalationLadder'),
    description: "Saves the partnership's escalation ladder as a new version, current from now on. Partnership administrator only.",
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'EscalationLadderSaveResult' } },
    args: { input: t.arg({ type: EscalationLadderSaveInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!abilityOf(ctx).can('manage', 'EscalationLadder')) {
        throw new NotAuthorisedError("Only the partnership's administrator can change the escalation ladder");
      }
      const data = parseInput(ladderRules, input);
      const partnershipId = viewer.partnershipId;

      try {
        const ladderId = await ctx.db.$transaction(async (tx) => {
          const latest = await tx.escalationLadder.findFirst({
            where: { partnershipId },
            orderBy: { version: 'desc' },
            select: { version: true },
          });
          const version = (latest?.version ?? 0) + 1;
          const ids = orderedIds(1 + data.stages.length + data.reasonCategories.length);
          const ladderId = ids.shift()!;
          // Two saves at once both read the same latest version: the unique (partnership, version)
          // makes the second wait here for the first and then fail (see the catch below).
          await tx.escalationLadder.create({
            data: {
              id: ladderId,
              partnershipId,
              version,
              name: data.name,
              urgentPathEnabled: data.urgentPathEnabled,
              urgentLimitHours: data.urgentLimitHours ?? DEFAULT_URGENT_LIMIT_HOURS,
              createdById: viewer.userId,
              current: true,
            },
          });
          await tx.escalationLadder.updateMany({
            where: { partnershipId, current: true, id: { not: ladderId } },
            data: { current: false },
          });
          await tx.ladderStage.createMany({
            data: data.stages.map((s, i) => ({
              id: ids.shift()!,
              partnershipId,
              ladderId,
              position: i + 1,
              label: s.label,
              description: s.description || null,
              raiserRoles: s.raiserRoles,
              responderRoles: s.responderRoles,
              partnershipRoles: s.partnershipRoles,
              limitAmount: s.limitAmount,
              limitClock: s.limitClock,
              reminderPercents: s.reminderPercents,
              notifyNextOnExpiry: s.notifyNextOnExpiry,
              escalateAfterGraceWorkingDays: s.escalateAfterGraceWorkingDays ?? null,
              alertLeadPartnersOnExpiry: s.alertLeadPartnersOnExpiry,
              notifyPartnershipOnEntry: s.notifyPartnershipOnEntry,
            })),
          });
          // Ids in list order, so the categories read back in the order the administrator gave them.
          await tx.ladderReasonCategory.createMany({
            data: data.reasonCategories.map((c) => ({
              id: ids.shift()!,
              partnershipId,
              ladderId,
              code: c.code,
              label: c.label,
              excluded: c.excluded,
              redirectTo: c.excluded ? c.redirectTo! : null,
            })),
          });
          await recordAudit(tx, ctx, { action: 'ladder.save', subjectType: 'EscalationLadder', subjectId: ladderId, detail: { version } });
          return ladderId;
        });
        return { id: ladderId };
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          throw ValidationError.field(['input'], CONCURRENT_SAVE);
        }
        throw error;
      }
    },
  }),
);

/** `count` UUIDv7s in increasing order (time first, then a counter), like the database's own ids. */
function orderedIds(count: number): string[] {
  const ms = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | ((i >>> 8) & 0x0f);
    bytes[7] = i & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}
