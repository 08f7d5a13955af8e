// Either side acting at the current stage resolves the disagreement with an agreed outcome,
// actions with owners and dates, learning, and whether a system issue was found. The outcome
// statement is copied into the child's chronology for each agency involved.
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { announce } from '../notifications/rules.ts';
import { eventOf } from './disagreementEvent.ts';
import { builder } from '../builder.ts';
import { NotAuthorisedError, NotFoundError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import { claimVersion, loadOpenDisagreement } from './load.ts';
import { leaveStage } from './stageClock.ts';

const ActionInput = builder.inputType('DisagreementActionInput', {
  fields: (t) => ({
    description: t.string(),
    ownerOrganisationId: t.globalID(),
    ownerUserId: t.globalID({ required: false }),
    dueOn: t.field({ type: 'Date' }),
  }),
});

const ResolveInput = builder.inputType('DisagreementResolveInput', {
  fields: (t) => ({
    disagreementId: t.globalID(),
    outcomeStatement: t.string({ description: 'The agreed outcome: copied into the child’s chronology for each agency involved.' }),
    actions: t.field({ type: [ActionInput], required: false }),
    learning: t.string({ required: false }),
    themes: t.stringList({ required: false }),
    systemIssueFound: t.boolean(),
    systemIssueDetail: t.string({ required: false }),
  }),
});

function rules(today: Date) {
  return z
    .object({
      outcomeStatement: z.string().trim().min(1, 'Enter the agreed outcome').max(5_000, 'The outcome must be 5,000 characters or fewer'),
      actions: z
        .array(z.object({ description: z.string().trim().min(1, 'Describe the action').max(1_000), dueOn: z.date().min(today, 'An action is due today or later') }))
        .nullish(),
      learning: z.string().trim().max(5_000).nullish().transform((v) => v || null),
      themes: z.array(z.string().trim().min(1).max(60)).max(10, 'At most 10 themes').nullish().transform((v) => v ?? []),
      systemIssueFound: z.boolean(),
      systemIssueDetail: z.string().trim().max(5_000).nullish().transform((v) => v || null),
    })
    .superRefine((v, ctx) => {
      if (v.systemIssueFound && !v.systemIssueDetail) ctx.addIssue({ code: 'custom', path: ['systemIssueDetail'], message: 'Describe the system issue found' });
    });
}

builder.mutationField('disagreementResolve', (t) =>
  t.field({
    type: successType('DisagreementResolveSuccess', 'disagreement', 'Disagreement'),
    errors: { types: [ValidationError, NotFoundError, NotAuthorisedError], directResult: true, union: { name: 'DisagreementResolveResult' } },
    args: { input: t.arg({ type: ResolveInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const now = ctx.now();
      const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const parsed = rules(today).safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const { disagreement, stage, openStage, sides } = await loadOpenDisagreement(ctx, input.disagreementId);
      if (sides.length === 0) throw new NotAuthorisedError('You do not act at this stage of the disagreement');

      const owners: { organisationId: string; userId: string | null }[] = [];
      for (const [i, action] of (input.actions ?? []).entries()) {
        const organisationId = idOf(action.ownerOrganisationId, 'Organisation');
        const organisation = organisationId ? await ctx.db.organisation.findFirst({ where: { id: organisationId, partnershipId: viewer.partnershipId } }) : null;
        if (!organisation) problems.push({ path: ['input', 'actions', String(i), 'ownerOrganisationId'], message: 'Select an agency in your partnership' });
        const userId = action.ownerUserId ? idOf(action.ownerUserId, 'User') : null;
        if (action.ownerUserId && !(userId && (await ctx.db.user.findFirst({ where: { id: userId, organisationId: organisationId ?? undefined } })))) {
          problems.push({ path: ['input', 'actions', String(i), 'ownerUserId'], message: 'Select a person in that agency' });
        }
        owners.push({ organisationId: organisation?.id ?? '', userId });
      }
      if (!parsed.success || problems.length) throw new ValidationError(problems);
      const data = parsed.data;

      await ctx.db.$transaction(async (tx) => {
        await claimVersion(tx, disagreement, {
          status: 'RESOLVED', resolvedAt: now, resolvedAtPosition: disagreement.currentPosition, outcomeStatement: data.outcomeStatement,
          learning: data.learning, themes: data.themes, systemIssueFound: data.systemIssueFound, systemIssueDetail: data.systemIssueDetail,
          currentDueAt: null, overdue: false,
        });
        await leaveStage(tx, openStage.id, now, 'RESOLVED', viewer.userId, null);
        if (data.actions?.length) {
          await tx.disagreementAction.createMany({
            data: data.actions.map((a, i) => ({
              partnershipId: disagreement.partnershipId, disagreementId: disagreement.id, description: a.description,
              ownerOrganisationId: owners[i]!.organisationId, ownerUserId: owners[i]!.userId, dueOn: a.dueOn,
            })),
          });
        }
        // The agreed outcome goes on each involved agency's record of the child.
        await tx.chronologyEntry.createMany({
          data: [disagreement.raisingOrganisationId, disagreement.respondingOrganisationId].map((organisationId) => ({
            partnershipId: disagreement.partnershipId, childId: disagreement.childId, organisationId, authorId: viewer.userId,
            kind: 'DISAGREEMENT_OUTCOME' as const, occurredAt: now, recordedAt: now,
            summary: `Professional disagreement ${disagreement.reference} resolved at stage ${disagreement.currentPosition}`,
            detail: data.outcomeStatement,
          })),
        });
        await announce(tx, 'DISAGREEMENT_RESOLVED', { disagreement, stage }, eventOf(disagreement, now, viewer.userId));
        await recordAudit(tx, ctx, {
          action: 'disagreement.resolve', subjectType: 'Disagreement', subjectId: disagreement.id, childId: disagreement.childId,
          detail: { stage: disagreement.currentPosition, systemIssueFound: data.systemIssueFound },
        });
      });
      return { id: disagreement.id };
    },
  }),
);
