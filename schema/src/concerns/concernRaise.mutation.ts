// A practitioner raises a concern about a child: a chronology entry owned by their organisation
// and the concern's own details, written together with the audit event.
import { ConcernCategory, RiskLevel } from '@wraparound/prisma';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { CHILD_NOT_VISIBLE, readableChild } from '../children/readableChild.ts';
import { successType } from '../common/results.ts';
import { ConcernCategoryEnum, RiskLevelEnum } from '../common/enums.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import { newReference } from '../common/references.ts';
import { problemsOf } from '../common/validation.ts';
import { CONCERN_RAISERS, hasAny } from '../access/roleGroups.ts';
import './concern.type.ts';
import { lookForConcernPattern } from './joiningTheDots.ts';

const ConcernRaiseInput = builder.inputType('ConcernRaiseInput', {
  fields: (t) => ({
    childId: t.globalID(),
    categories: t.field({ type: [ConcernCategoryEnum] }),
    customCategories: t.stringList({ required: false, description: "Codes of the partnership's own categories." }),
    summary: t.string({ required: false, description: 'One line for the chronology; the start of the narrative if left out.' }),
    narrative: t.string({ description: 'What happened, what was seen and heard.' }),
    childsWords: t.string({ required: false }),
    actionTaken: t.string({ required: false }),
    occurredAt: t.field({ type: 'DateTime', description: 'When it happened; may be earlier than now (a backdated entry).' }),
    riskLevel: t.field({ type: RiskLevelEnum }),
    dslInformed: t.boolean({ description: 'Whether the designated safeguarding lead was told.' }),
  }),
});

const ConcernRaiseSuccess = successType('ConcernRaiseSuccess', 'concern', 'Concern');

function rules(now: Date) {
  return z.object({
    categories: z.array(z.enum(ConcernCategory)).min(1, 'Select at least one category'),
    customCategories: z.array(z.string()).nullish().transform((v) => v ?? []),
    summary: z.string().trim().max(200, 'Summary must be 200 characters or fewer').nullish(),
    narrative: z.string().trim().min(1, 'Describe the concern').max(20_000, 'The narrative must be 20,000 characters or fewer'),
    childsWords: z.string().trim().max(5_000, "The child's words must be 5,000 characters or fewer").nullish().transform((v) => v || null),
    actionTaken: z.string().trim().max(5_000, 'Action taken must be 5,000 characters or fewer').nullish().transform((v) => v || null),
    occurredAt: z.date().max(new Date(now.getTime() + 5 * 60_000), 'When it happened must be now or in the past'),
    riskLevel: z.enum(RiskLevel),
    dslInformed: z.boolean(),
  });
}

builder.mutationField('concernRaise', (t) =>
  t.field({
    type: ConcernRaiseSuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'ConcernRaiseResult' } },
    args: { input: t.arg({ type: ConcernRaiseInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (!hasAny(viewer.roles, CONCERN_RAISERS)) throw new NotAuthorisedError('Your role cannot raise concerns');

      const now = ctx.now();
      const parsed = rules(now).safeParse(input);
      const problems = parsed.success ? [] : problemsOf(parsed.error, ['input']);

      const child = await readableChild(ctx, input.childId, { id: true, dateOfBirth: true });
      if (!child) problems.push(CHILD_NOT_VISIBLE);
      if (child && parsed.success && parsed.data.occurredAt < child.dateOfBirth) {
        problems.push({ path: ['input', 'occurredAt'], message: "When it happened cannot be before the child's date of birth" });
      }
      if (parsed.success && parsed.data.customCategories.length > 0) {
        const known = await ctx.db.partnershipConcernCategory.findMany({
          where: { partnershipId: viewer.partnershipId, active: true, code: { in: parsed.data.customCategories } },
          select: { code: true },
        });
        const unknown = parsed.data.customCategories.filter((c) => !known.some((k) => k.code === c));
        if (unknown.length) problems.push({ path: ['input', 'customCategories'], message: `Not a category of your partnership: ${unknown.join(', ')}` });
      }
      if (!parsed.success || !child || problems.length > 0) throw new ValidationError(problems);

      const data = parsed.data;
      const concern = await ctx.db.$transaction(async (tx) => {
        const entry = await tx.chronologyEntry.create({
          data: {
            partnershipId: viewer.partnershipId,
            childId: child.id,
            organisationId: viewer.organisationId,
            authorId: viewer.userId,
            kind: 'CONCERN',
            categories: data.categories,
            customCategories: data.customCategories,
            occurredAt: data.occurredAt,
            recordedAt: now,
            summary: data.summary || data.narrative.slice(0, 140),
          },
        });
        const created = await tx.concern.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: child.id,
            organisationId: viewer.organisationId,
            raisedById: viewer.userId,
            reference: newReference('CON'),
            narrative: data.narrative,
            childsWords: data.childsWords,
            actionTaken: data.actionTaken,
            riskLevel: data.riskLevel,
            dslInformed: data.dslInformed,
          },
        });
        await recordAudit(tx, ctx, { action: 'concern.create', subjectType: 'Concern', subjectId: created.id, childId: child.id });
        await lookForConcernPattern(tx, created, now);
        return created;
      });
      return { id: concern.id };
    },
  }),
);
