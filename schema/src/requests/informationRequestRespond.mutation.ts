// An asked agency answers an information request. The answer becomes an entry in the child's
// chronology, owned by the answering organisation, and a recorded share of that entry with the
// requesting organisation (docs/domain.md: record every decision to share, with its lawful basis), so
// the requester reads it in the chronology and nobody else does. The request is ANSWERED when
// the last agency answers.
import type { AgencyType, SpecialCategoryCondition } from '@wraparound/prisma';
import { z } from 'zod';
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { successType } from '../common/results.ts';
import { parseInput } from '../common/validation.ts';
import { announce } from '../notifications/rules.ts';
import './request.type.ts';

const InformationRequestRespondInput = builder.inputType('InformationRequestRespondInput', {
  fields: (t) => ({
    recipientId: t.globalID({ description: "Your organisation's row of the request (InformationRequestRecipient)." }),
    response: t.string({ required: false, description: 'What your organisation holds. May be left out only when nothing is held.' }),
    nothingHeld: t.boolean({ description: 'Your organisation holds nothing on this child.' }),
  }),
});

const Rules = z
  .object({
    response: z.string().trim().max(20_000, 'The response must be 20,000 characters or fewer').nullish().transform((v) => v || null),
    nothingHeld: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.nothingHeld && !v.response) {
      ctx.addIssue({ code: 'custom', path: ['response'], message: 'Enter what your organisation holds, or answer that nothing is held' });
    }
  });

/** Health detail and police material are special category: shared on Schedule 1, or Schedule 8 for police processing. */
const SENSITIVE_AGENCIES: ReadonlySet<AgencyType> = new Set(['HEALTH', 'POLICE']);
const conditionFor = (agencyType: AgencyType): SpecialCategoryCondition =>
  agencyType === 'POLICE' ? 'DPA_SCH8_PARA4_SAFEGUARDING' : 'DPA_SCH1_PARA18_SAFEGUARDING';

const InformationRequestRespondSuccess = successType('InformationRequestRespondSuccess', 'recipient', 'InformationRequestRecipient');

const answeredAlready = () => ValidationError.field(['input', 'recipientId'], 'Your organisation has answered this request already');

builder.mutationField('informationRequestRespond', (t) =>
  t.field({
    type: InformationRequestRespondSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'InformationRequestRespondResult' } },
    args: { input: t.arg({ type: InformationRequestRespondInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      // Only the asked organisation's record readers may answer: anyone else gets "not found".
      const recipientId = idOf(input.recipientId, 'InformationRequestRecipient');
      const recipient = recipientId
        ? await ctx.db.informationRequestRecipient.findFirst({
            where: { AND: [accessibleWhere(abilityOf(ctx), 'respond', 'InformationRequestRecipient'), { id: recipientId }] },
            include: { request: true },
          })
        : null;
      if (!recipient) throw new NotFoundError('No information request with that id that your organisation can answer');
      const { response, nothingHeld } = parseInput(Rules, input);
      if (recipient.respondedAt) throw answeredAlready();
      if (recipient.request.status === 'WITHDRAWN') throw ValidationError.field(['input', 'recipientId'], 'This request has been withdrawn');

      const request = recipient.request;
      const now = ctx.now();
      const sensitive = SENSITIVE_AGENCIES.has(viewer.agencyType);
      await ctx.db.$transaction(async (tx) => {
        // Lock the request first: concurrent answers from two agencies then take turns, so the
        // last one always sees the others' answers and marks the request ANSWERED.
        await tx.informationRequest.update({ where: { id: request.id }, data: { updatedAt: now } });
        // Guarded update: two people answering for one organisation at once cannot both succeed.
        const claimed = await tx.informationRequestRecipient.updateMany({
          where: { id: recipient.id, respondedAt: null },
          data: { respondedAt: now, respondedById: viewer.userId, response, nothingHeld },
        });
        if (claimed.count !== 1) throw answeredAlready();

        const entry = await tx.chronologyEntry.create({
          data: {
            partnershipId: viewer.partnershipId,
            childId: request.childId,
            organisationId: recipient.organisationId,
            authorId: viewer.userId,
            kind: 'INFORMATION_RESPONSE',
            occurredAt: now,
            recordedAt: now,
            summary: `Answer to information request ${request.reference}${nothingHeld ? ': nothing held' : ''}`,
            detail: response,
            sensitive,
          },
        });
        const share = await tx.share.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: request.childId,
            sharingOrganisationId: recipient.organisationId,
            decision: 'SHARE',
            recipientOrganisationId: request.requestingOrganisationId,
            whatShared: nothingHeld ? 'That nothing is held on the child' : 'What the organisation holds on the child, in answer to the request',
            purpose: `Answering information request ${request.reference}`,
            lawfulBasis: 'PUBLIC_TASK',
            specialCategoryCondition: conditionFor(viewer.agencyType),
            decidedById: viewer.userId,
            decidedAt: now,
          },
        });
        await tx.informationRequestRecipient.update({ where: { id: recipient.id }, data: { responseEntryId: entry.id } });
        await tx.deadline.updateMany({
          where: { kind: { in: ['INFORMATION_REQUEST_DUE_SOON', 'INFORMATION_REQUEST_DUE'] }, subjectId: recipient.id, state: 'PENDING' },
          data: { state: 'DONE', handledAt: now },
        });
        const unanswered = await tx.informationRequestRecipient.count({ where: { requestId: request.id, respondedAt: null } });
        if (unanswered === 0) {
          await tx.informationRequest.updateMany({ where: { id: request.id, status: 'OPEN' }, data: { status: 'ANSWERED' } });
        }
        // The requester is told an answer is there (it is the share above that lets them read it).
        await announce(tx, 'INFORMATION_REQUEST_ANSWERED', { requesterId: request.requestedById }, {
          partnershipId: viewer.partnershipId, subjectType: 'InformationRequest', subjectId: request.id,
          reference: request.reference, actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'informationRequest.respond',
          subjectType: 'InformationRequestRecipient',
          subjectId: recipient.id,
          childId: request.childId,
          purpose: `Answering information request ${request.reference}`,
          detail: {
            requestId: request.id,
            entryId: entry.id,
            shareId: share.id,
            nothingHeld,
            withinTime: now <= recipient.dueAt,
            requestAnswered: unanswered === 0,
          },
        });
      });
      return { id: recipient.id };
    },
  }),
);
