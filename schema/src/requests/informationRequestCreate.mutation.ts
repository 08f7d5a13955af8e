// The MASH asks named agencies what they hold on a child. The RAG rating sets the deadline from
// the partnership's configuration (docs/domain.md: configuration, not code); each asked agency gets its
// own row with that deadline and a Deadline a clock can find. Everything is checked first, every
// problem reported at once, and nothing is written unless all is well.
import { Rag } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { RECORD_READERS } from '../access/roleGroups.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { CHILD_NOT_VISIBLE, readableChild } from '../children/readableChild.ts';
import { calendarOf } from '../calendar/partnershipCalendar.ts';
import { deadlineFor, pointInLimit } from '../calendar/workingTime.ts';
import { RagEnum } from '../common/enums.ts';
import { NotAuthorisedError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { newReference } from '../common/references.ts';
import { successType } from '../common/results.ts';
import { problemsOf } from '../common/validation.ts';
import type { Context } from '../context.ts';
import { announce } from '../notifications/rules.ts';
import './request.type.ts';

const InformationRequestCreateInput = builder.inputType('InformationRequestCreateInput', {
  fields: (t) => ({
    childId: t.globalID(),
    // Optional in the schema on purpose: a missing rating is a field error the client can show
    // beside the RAG control, not a GraphQL error about the document.
    rag: t.field({ type: RagEnum, required: false, description: "Sets the deadline, from the partnership's configuration." }),
    question: t.string({ description: 'What the agencies are asked.' }),
    purpose: t.string({ description: 'Why the information is needed: the asked agencies see it.' }),
    recipientOrganisationIds: t.globalIDList({ description: 'The agencies asked, each once.' }),
  }),
});

const Rules = z.object({
  rag: z.enum(Rag, { error: 'Select a RAG rating' }),
  question: z.string().trim().min(1, 'Enter the question for the agencies').max(5_000, 'The question must be 5,000 characters or fewer'),
  purpose: z.string().trim().min(1, 'Enter why the information is needed').max(2_000, 'The purpose must be 2,000 characters or fewer'),
});

const InformationRequestCreateSuccess = successType('InformationRequestCreateSuccess', 'request', 'InformationRequest');

const RECIPIENTS = ['input', 'recipientOrganisationIds'];

/** The asked organisations: at least one, each once, active, in the viewer's partnership, not the viewer's own. */
async function recipientsOf(ctx: Context, given: readonly { typename: string; id: string }[], problems: FieldProblem[]) {
  const viewer = ctx.viewer!;
  if (given.length === 0) {
    problems.push({ path: RECIPIENTS, message: 'Choose at least one organisation to ask' });
    return [];
  }
  const ids = given.map((g) => idOf(g, 'Organisation'));
  const found = await ctx.db.organisation.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) }, partnershipId: viewer.partnershipId, active: true },
  });
  const seen = new Set<string>();
  const organisations = [];
  for (const [i, id] of ids.entries()) {
    const organisation = found.find((o) => o.id === id);
    if (!organisation) {
      problems.push({ path: RECIPIENTS, message: `Organisation ${i + 1} is not an active organisation of your partnership` });
    } else if (organisation.id === viewer.organisationId) {
      problems.push({ path: RECIPIENTS, message: `${organisation.name} is your own organisation: ask other agencies` });
    } else if (seen.has(organisation.id)) {
      problems.push({ path: RECIPIENTS, message: `${organisation.name} is chosen more than once` });
    } else if (RECORD_READERS[organisation.agencyType].size === 0) {
      // Nobody there reads records, so nobody could ever answer: the request would only go overdue.
      problems.push({ path: RECIPIENTS, message: `${organisation.name} holds no case records to answer from` });
    } else {
      seen.add(organisation.id);
      organisations.push(organisation);
    }
  }
  return organisations;
}

builder.mutationField('informationRequestCreate', (t) =>
  t.field({
    type: InformationRequestCreateSuccess,
    errors: { types: [ValidationError, NotAuthorisedError], directResult: true, union: { name: 'InformationRequestCreateResult' } },
    args: { input: t.arg({ type: InformationRequestCreateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const ability = abilityOf(ctx);
      if (!ability.can('create', 'InformationRequest')) throw new NotAuthorisedError('Your role cannot make information requests');

      const parsed = Rules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);

      const child = await readableChild(ctx, input.childId, { id: true });
      if (!child) problems.push(CHILD_NOT_VISIBLE);

      const recipients = await recipientsOf(ctx, input.recipientOrganisationIds, problems);

      const now = ctx.now();
      let dueAt: Date | null = null;
      let dueSoonAt: Date | null = null;
      if (parsed.success) {
        const rag = parsed.data.rag;
        const limit = await ctx.db.ragDeadline.findUnique({ where: { partnershipId_rag: { partnershipId: viewer.partnershipId, rag } } });
        if (!limit) {
          problems.push({ path: ['input', 'rag'], message: `Your partnership has not set a deadline for ${rag} requests: ask your partnership administrator` });
        } else {
          try {
            const calendar = await calendarOf(ctx.db, viewer.partnershipId);
            dueAt = deadlineFor(calendar, now, limit.amount, limit.clock);
            // "Due soon" when three quarters of the time has gone, on the same clock.
            dueSoonAt = pointInLimit(calendar, now, dueAt, 0.75, limit.clock);
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            problems.push({ path: ['input', 'rag'], message: `Your partnership's deadline for ${rag} requests cannot be used (${error.message}): ask your partnership administrator` });
          }
        }
      }
      if (!parsed.success || !child || !dueAt || problems.length > 0) throw new ValidationError(problems);

      const data = parsed.data;
      const due = dueAt;
      const request = await ctx.db.$transaction(async (tx) => {
        const created = await tx.informationRequest.create({
          data: {
            partnershipId: viewer.partnershipId,
            reference: newReference('REQ'),
            childId: child.id,
            requestingOrganisationId: viewer.organisationId,
            requestedById: viewer.userId,
            rag: data.rag,
            question: data.question,
            purpose: data.purpose,
            dueAt: due,
          },
        });
        for (const organisation of recipients) {
          const recipient = await tx.informationRequestRecipient.create({
            data: { partnershipId: viewer.partnershipId, requestId: created.id, organisationId: organisation.id, dueAt: due },
          });
          await tx.deadline.createMany({
            data: [
              { partnershipId: viewer.partnershipId, kind: 'INFORMATION_REQUEST_DUE_SOON', subjectId: recipient.id, dueAt: dueSoonAt ?? due },
              { partnershipId: viewer.partnershipId, kind: 'INFORMATION_REQUEST_DUE', subjectId: recipient.id, dueAt: due },
            ],
          });
        }
        await announce(tx, 'INFORMATION_REQUEST_RECEIVED', { organisationIds: recipients.map((o) => o.id), rag: data.rag }, {
          partnershipId: viewer.partnershipId, subjectType: 'InformationRequest', subjectId: created.id,
          reference: created.reference, actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'informationRequest.create',
          subjectType: 'InformationRequest',
          subjectId: created.id,
          childId: child.id,
          purpose: data.purpose,
          detail: { rag: data.rag, recipientOrganisationIds: recipients.map((o) => o.id) },
        });
        return created;
      });
      return { id: request.id };
    },
  }),
);
