// Correct a concern. Safeguarding records are never overwritten silently: the earlier version is
// kept as a revision of its chronology entry, with who corrected it and why.
import { ConcernCategory, RiskLevel } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { ConcernCategoryEnum, RiskLevelEnum } from '../common/enums.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { snapshotOf } from '../common/revisions.ts';
import { parseInput } from '../common/validation.ts';
import { CONCERN_FIELDS } from './concernFields.ts';
import './concern.type.ts';


const ConcernCorrectInput = builder.inputType('ConcernCorrectInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    concernId: t.globalID(),
    reason: t.string({ description: 'Why it is being corrected: kept with the earlier version.' }),
    categories: t.field({ type: [ConcernCategoryEnum], required: false }),
    occurredAt: t.field({ type: 'DateTime', required: false }),
    summary: t.string({ required: false }),
    narrative: t.string({ required: false }),
    childsWords: t.string({ required: false }),
    actionTaken: t.string({ required: false }),
    riskLevel: t.field({ type: RiskLevelEnum, required: false }),
    dslInformed: t.boolean({ required: false }),
  }),
});

function rules(now: Date) {
  return z.object({
    reason: z.string().trim().min(1, 'Say why the concern is being corrected').max(2_000, 'The reason must be 2,000 characters or fewer'),
    categories: z.array(z.enum(ConcernCategory)).min(1, 'Select at least one category').nullish(),
    occurredAt: z.date().max(new Date(now.getTime() + 5 * 60_000), 'When it happened must be now or in the past').nullish(),
    summary: z.string().trim().min(1, 'The summary cannot be empty').max(200, 'Summary must be 200 characters or fewer').nullish(),
    narrative: z.string().trim().min(1, 'The narrative cannot be empty').max(20_000, 'The narrative must be 20,000 characters or fewer').nullish(),
    childsWords: z.string().trim().max(5_000, "The child's words must be 5,000 characters or fewer").nullish(),
    actionTaken: z.string().trim().max(5_000, 'Action taken must be 5,000 characters or fewer').nullish(),
    riskLevel: z.enum(RiskLevel).nullish(),
    dslInformed: z.boolean().nullish(),
  });
}

builder.mutationField('concernCorrect', (t) =>
  t.field({
    type: successType('ConcernCorrectSuccess', 'concern', 'Concern'),
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ConcernCorrectResult' } },
    args: { input: t.arg({ type: ConcernCorrectInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const data = parseInput(rules(ctx.now()), input);
      const id = idOf(input.concernId, 'Concern');
      const concern = id
        ? await ctx.db.concern.findFirst({
            where: { id, entry: { is: accessibleWhere(abilityOf(ctx), 'update', 'ChronologyEntry') } },
            include: { entry: true },
          })
        : null;
      if (!concern) throw new NotFoundError('No concern with that id that you can correct');
      const entryChanges = {
        ...(data.categories ? { categories: data.categories } : {}),
        ...(data.occurredAt ? { occurredAt: data.occurredAt } : {}),
        ...(data.summary ? { summary: data.summary } : {}),
      };
      const concernChanges = {
        ...(data.narrative ? { narrative: data.narrative } : {}),
        ...(data.childsWords !== undefined ? { childsWords: data.childsWords || null } : {}),
        ...(data.actionTaken !== undefined ? { actionTaken: data.actionTaken || null } : {}),
        ...(data.riskLevel ? { riskLevel: data.riskLevel } : {}),
        ...(data.dslInformed != null ? { dslInformed: data.dslInformed } : {}),
      };
      if (Object.keys(entryChanges).length + Object.keys(concernChanges).length === 0) {
        throw ValidationError.field(['input'], 'Nothing to correct: give at least one field');
      }
      const { entry } = concern;
      await ctx.db.$transaction(async (tx) => {
        await tx.entryRevision.create({
          data: {
            partnershipId: viewer.partnershipId, entryId: entry.id, version: entry.version,
            snapshot: snapshotOf({ ...entry, ...concern }, CONCERN_FIELDS), correctedById: viewer.userId, reason: data.reason,
          },
        });
        const updated = await tx.chronologyEntry.updateMany({
          where: { id: entry.id, version: entry.version },
          data: { ...entryChanges, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw ValidationError.field(['input', 'concernId'], 'Someone else corrected this concern at the same time: reload it');
        await tx.concern.update({ where: { id: concern.id }, data: concernChanges });
        await recordAudit(tx, ctx, {
          action: 'concern.correct', subjectType: 'Concern', subjectId: concern.id, childId: concern.childId,
          purpose: data.reason, detail: { fields: [...Object.keys(entryChanges), ...Object.keys(concernChanges)] },
        });
      });
      return { id: concern.id };
    },
  }),
);
