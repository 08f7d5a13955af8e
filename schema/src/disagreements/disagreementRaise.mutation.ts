// A professional disagrees with another agency's decision about a child: the disagreement starts
// at the first stage of the partnership's current ladder (or, on the urgent path, at any stage
// with a reason and an hours clock) and stays on that ladder version until it ends.
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { recordAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { eventOf } from './disagreementEvent.ts';
import { builder } from '../builder.ts';
import { CHILD_NOT_VISIBLE, readableChild } from '../children/readableChild.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { newReference } from '../common/references.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import { UrgencyEnum } from './disagreement.type.ts';
import { enterStage } from './stageClock.ts';

const DisagreementRaiseInput = builder.inputType('DisagreementRaiseInput', {
  fields: (t) => ({
    childId: t.globalID(),
    respondingOrganisationId: t.globalID({ description: 'The agency whose decision or action you disagree with.' }),
    respondingUserId: t.globalID({ required: false, description: 'The person who made the decision, if known.' }),
    decisionChallenged: t.string(),
    decisionDate: t.field({ type: 'Date' }),
    reasonCode: t.string({ description: "One of the ladder's reason categories." }),
    evidence: t.string(),
    outcomeSought: t.string(),
    immediateRisk: t.boolean({ description: 'The child is at immediate risk: the answer says what to do now, before anything else.' }),
    urgency: t.field({ type: UrgencyEnum, required: false, defaultValue: 'STANDARD' }),
    urgentReason: t.string({ required: false }),
    startAtStage: t.int({ required: false, description: 'Urgent path only: the stage to start at.' }),
  }),
});

function rules(now: Date) {
  const text = (what: string, max: number) => z.string().trim().min(1, `Enter ${what}`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
  return z
    .object({
      decisionChallenged: text('the decision you disagree with', 2_000),
      decisionDate: z.date().max(now, 'The decision date must be today or in the past'),
      reasonCode: z.string().trim().min(1, 'Select a reason'),
      evidence: text('the evidence for your view', 10_000),
      outcomeSought: text('the outcome you want', 2_000),
      immediateRisk: z.boolean(),
      urgency: z.enum(['STANDARD', 'URGENT']),
      urgentReason: z.string().trim().max(2_000).nullish(),
      startAtStage: z.number().int().min(1, 'Stages are numbered from 1').nullish(),
    })
    .superRefine((v, ctx) => {
      if (v.urgency === 'URGENT' && !v.urgentReason) ctx.addIssue({ code: 'custom', path: ['urgentReason'], message: 'Say why this is urgent' });
      if (v.urgency !== 'URGENT' && v.startAtStage && v.startAtStage !== 1) {
        ctx.addIssue({ code: 'custom', path: ['startAtStage'], message: 'Only an urgent disagreement may start after stage 1' });
      }
    });
}

builder.mutationField('disagreementRaise', (t) =>
  t.field({
    type: successType('DisagreementRaiseSuccess', 'disagreement', 'Disagreement'),
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'DisagreementRaiseResult' } },
    args: { input: t.arg({ type: DisagreementRaiseInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('create', 'Disagreement')) throw new NotAuthorisedError('Your role cannot raise a disagreement');
      const now = ctx.now();
      const parsed = rules(now).safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);

      const child = await readableChild(ctx, input.childId, { id: true });
      if (!child) problems.push(CHILD_NOT_VISIBLE);

      const respondingId = idOf(input.respondingOrganisationId, 'Organisation');
      const responding = respondingId
        ? await ctx.db.organisation.findFirst({ where: { id: respondingId, partnershipId: viewer.partnershipId, active: true } })
        : null;
      if (!responding) problems.push({ path: ['input', 'respondingOrganisationId'], message: 'Select an agency in your partnership' });
      else if (responding.id === viewer.organisationId) {
        problems.push({ path: ['input', 'respondingOrganisationId'], message: 'A disagreement is with another agency: use your own organisation’s procedures for this' });
      }
      const respondingUserId = input.respondingUserId ? idOf(input.respondingUserId, 'User') : null;
      if (input.respondingUserId && responding) {
        const person = respondingUserId ? await ctx.db.user.findFirst({ where: { id: respondingUserId, organisationId: responding.id, active: true } }) : null;
        if (!person) problems.push({ path: ['input', 'respondingUserId'], message: 'Select a person in the agency you disagree with' });
      }

      const ladder = await ctx.db.escalationLadder.findFirst({
        where: { partnershipId: viewer.partnershipId, current: true },
        include: { stages: { orderBy: { position: 'asc' } }, reasonCategories: true },
      });
      if (!ladder || ladder.stages.length === 0) throw new ValidationError([{ path: ['input'], message: 'Your partnership has no escalation ladder configured: ask its administrator' }]);
      if (parsed.success) {
        const reason = ladder.reasonCategories.find((r) => r.code === parsed.data.reasonCode);
        if (!reason) problems.push({ path: ['input', 'reasonCode'], message: 'Select one of the partnership’s reasons' });
        else if (reason.excluded) {
          problems.push({ path: ['input', 'reasonCode'], message: `Disagreements about “${reason.label}” are not for this procedure: take it to ${reason.redirectTo ?? 'the route your partnership sets out'}` });
        }
        if (parsed.data.urgency === 'URGENT' && !ladder.urgentPathEnabled) problems.push({ path: ['input', 'urgency'], message: 'Your partnership’s procedure has no urgent path' });
        if (parsed.data.startAtStage && parsed.data.startAtStage > ladder.stages.length) {
          problems.push({ path: ['input', 'startAtStage'], message: `The ladder has ${ladder.stages.length} stages` });
        }
      }
      if (!parsed.success || problems.length) throw new ValidationError(problems);
      const data = parsed.data;
      const stage = ladder.stages[(data.startAtStage ?? 1) - 1]!;

      const disagreement = await ctx.db.$transaction(async (tx) => {
        const created = await tx.disagreement.create({
          data: {
            partnershipId: viewer.partnershipId, reference: newReference('DIS'), childId: child!.id, ladderId: ladder.id,
            raisedById: viewer.userId, raisingOrganisationId: viewer.organisationId, respondingOrganisationId: responding!.id,
            respondingUserId, decisionChallenged: data.decisionChallenged, decisionDate: data.decisionDate, reasonCode: data.reasonCode,
            evidence: data.evidence, outcomeSought: data.outcomeSought, urgency: data.urgency, urgentReason: data.urgentReason ?? null,
            immediateRisk: data.immediateRisk, currentPosition: stage.position,
          },
        });
        const entered = await enterStage(tx, created, ladder, stage, now);
        await tx.disagreement.update({ where: { id: created.id }, data: { currentDueAt: entered.dueAt } });
        await announce(tx, 'DISAGREEMENT_RAISED', { disagreement: created, stage }, eventOf(created, now, viewer.userId));
        await recordAudit(tx, ctx, {
          action: 'disagreement.raise', subjectType: 'Disagreement', subjectId: created.id, childId: child!.id,
          detail: { stage: stage.position, urgency: data.urgency, ladderVersion: ladder.version },
        });
        return created;
      });
      return { id: disagreement.id };
    },
  }),
);
