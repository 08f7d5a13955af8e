// Share an entry (a concern, an incident, a contact) with an organisation or a person, recording
// the lawful basis and consent; or record a decision NOT to share, with its reasons. Both are
// decisions of the organisation that holds the record.
import { abilityOf } from '../access/ability.ts';
import { accessibleWhere } from '../access/casl.ts';
import { recordAudit } from '../audit/record.ts';
import { newReference } from '../common/references.ts';
import { announce } from '../notifications/rules.ts';
import { builder } from '../builder.ts';
import { successType } from '../common/results.ts';
import {
  ConsentNotSoughtReasonEnum, ConsentStatusEnum, LawfulBasisEnum, SpecialCategoryConditionEnum,
} from '../common/enums.ts';
import { NotFoundError, ValidationError } from '../common/failures.ts';
import type { FieldProblem } from '../common/failures.ts';
import { idOf } from '../common/ids.ts';
import { problemsOf } from '../common/validation.ts';
import type { Context } from '../context.ts';
import { resolveRecipient } from './recipient.ts';
import { declineRules, shareRules } from './shareRules.ts';
import './share.type.ts';

const ShareCreateInput = builder.inputType('ShareCreateInput', {
  fields: (t) => ({
    entryId: t.globalID({ description: 'The chronology entry (a concern is shared through its entry).' }),
    recipientOrganisationId: t.globalID({ required: false }),
    recipientUserId: t.globalID({ required: false }),
    whatShared: t.string(),
    purpose: t.string(),
    lawfulBasis: t.field({ type: LawfulBasisEnum, required: false }),
    specialCategoryCondition: t.field({ type: SpecialCategoryConditionEnum, required: false }),
    consentStatus: t.field({ type: ConsentStatusEnum, required: false }),
    consentNotSoughtReason: t.field({ type: ConsentNotSoughtReasonEnum, required: false }),
    consentNote: t.string({ required: false }),
    expiresAt: t.field({ type: 'DateTime', required: false, description: 'When the share ends by itself.' }),
  }),
});

const ShareDeclineInput = builder.inputType('ShareDeclineInput', {
  fields: (t) => ({
    entryId: t.globalID(),
    recipientOrganisationId: t.globalID({ required: false, description: 'Who asked, or would have received it.' }),
    recipientUserId: t.globalID({ required: false }),
    purpose: t.string({ description: 'What the information was wanted for.' }),
    reasonNotShared: t.string(),
  }),
});

const ShareSuccess = successType('ShareSuccess', 'share', 'Share');

/** The entry, if the viewer's organisation may make sharing decisions about it. */
async function shareableEntry(ctx: Context, entryGlobalId: { typename: string; id: string }) {
  const id = idOf(entryGlobalId, 'ChronologyEntry');
  const entry = id
    ? await ctx.db.chronologyEntry.findFirst({ where: { AND: [accessibleWhere(abilityOf(ctx), 'share', 'ChronologyEntry'), { id }] } })
    : null;
  if (!entry) throw new NotFoundError('No record with that id that you can share');
  return entry;
}

builder.mutationField('shareCreate', (t) =>
  t.field({
    type: ShareSuccess,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ShareCreateResult' } },
    args: { input: t.arg({ type: ShareCreateInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const entry = await shareableEntry(ctx, input.entryId);
      const now = ctx.now();
      const parsed = shareRules(now, entry.sensitive).safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const recipient = await resolveRecipient(ctx.db, viewer.partnershipId, entry.organisationId, input, problems);
      if (!parsed.success || !recipient || problems.length) throw new ValidationError(problems);
      const data = parsed.data;

      const share = await ctx.db.$transaction(async (tx) => {
        const created = await tx.share.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: entry.childId,
            sharingOrganisationId: entry.organisationId,
            decision: 'SHARE',
            ...recipient,
            whatShared: data.whatShared,
            purpose: data.purpose,
            lawfulBasis: data.lawfulBasis,
            specialCategoryCondition: data.specialCategoryCondition ?? null,
            consentStatus: data.consentStatus,
            consentNotSoughtReason: data.consentStatus === 'NOT_SOUGHT' ? (data.consentNotSoughtReason ?? null) : null,
            consentNote: data.consentNote,
            decidedById: viewer.userId,
            decidedAt: now,
            expiresAt: data.expiresAt ?? null,
          },
        });
        if (created.expiresAt) {
          await tx.deadline.create({
            data: { partnershipId: viewer.partnershipId, kind: 'SHARE_EXPIRY', subjectId: created.id, dueAt: created.expiresAt },
          });
        }
        // The recipient is told that something was shared, and which entry to open; not what it says.
        await announce(tx, 'SHARE_RECEIVED', { organisationId: created.recipientOrganisationId, userId: created.recipientUserId }, {
          partnershipId: viewer.partnershipId, subjectType: 'ChronologyEntry', subjectId: entry.id,
          reference: newReference('SHR'), actorUserId: viewer.userId, at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'share.create',
          subjectType: 'Share',
          subjectId: created.id,
          childId: entry.childId,
          purpose: data.purpose,
          detail: { entryId: entry.id, recipientOrganisationId: recipient.recipientOrganisationId, recipientUserId: recipient.recipientUserId },
        });
        return created;
      });
      return { id: share.id };
    },
  }),
);

builder.mutationField('shareDecline', (t) =>
  t.field({
    type: ShareSuccess,
    description: 'Record a decision not to share, with the reasons: decisions not to share are recorded too.',
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'ShareDeclineResult' } },
    args: { input: t.arg({ type: ShareDeclineInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const entry = await shareableEntry(ctx, input.entryId);
      const parsed = declineRules.safeParse(input);
      const problems: FieldProblem[] = parsed.success ? [] : problemsOf(parsed.error, ['input']);
      const recipient = await resolveRecipient(ctx.db, viewer.partnershipId, entry.organisationId, input, problems);
      if (!parsed.success || !recipient || problems.length) throw new ValidationError(problems);

      const now = ctx.now();
      const share = await ctx.db.$transaction(async (tx) => {
        const created = await tx.share.create({
          data: {
            partnershipId: viewer.partnershipId,
            entryId: entry.id,
            childId: entry.childId,
            sharingOrganisationId: entry.organisationId,
            decision: 'NOT_SHARE',
            ...recipient,
            whatShared: entry.summary.slice(0, 200),
            purpose: parsed.data.purpose,
            reasonNotShared: parsed.data.reasonNotShared,
            decidedById: viewer.userId,
            decidedAt: now,
          },
        });
        await recordAudit(tx, ctx, {
          action: 'share.decline',
          subjectType: 'Share',
          subjectId: created.id,
          childId: entry.childId,
          detail: { entryId: entry.id },
        });
        return created;
      });
      return { id: share.id };
    },
  }),
);
